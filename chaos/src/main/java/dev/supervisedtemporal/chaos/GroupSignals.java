package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.Signal;
import dev.supervisedtemporal.lifecycle.process.SignalRefusedException;
import java.util.Optional;

/**
 * Finds the server a manager started and signals its process group, refusing every target whose
 * pid, start time and command line do not all match, and every pid below 2.
 */
final class GroupSignals {

  private GroupSignals() {}

  /**
   * The identity of the live server the manager started.
   *
   * @throws FaultRefusedException when the manager runs no server, or its server was replaced
   */
  static ProcessIdentity serverOf(TemporalManager manager, FaultKind kind) {
    Optional<ProcessIdentity> identity = manager.serverIdentity();
    if (identity.isEmpty()) {
      throw new FaultRefusedException(kind + " refused: " + manager + " runs no server process "
          + "of its own (not started, stopped, or an external backend)");
    }
    Optional<String> mismatch = identity.get().mismatch();
    if (mismatch.isPresent()) {
      throw new FaultRefusedException(kind + " refused: the server the manager started is not "
          + "running any more: " + mismatch.get());
    }
    return identity.get();
  }

  /**
   * Sends the signals to the group the verified process leads (TERM and KILL come with CONT).
   *
   * @throws FaultRefusedException when the identity does not match or it leads no own group
   */
  static void send(ProcessIdentity target, FaultKind kind, Signal... signals) {
    send(target, kind, null, signals);
  }

  /**
   * Like {@link #send(ProcessIdentity, FaultKind, Signal...)}, stamping the fault's injection
   * time after the target was verified and just before the first signal, so that a supervisor
   * reacting within a millisecond is never seen to react before the fault.
   */
  static void send(ProcessIdentity target, FaultKind kind, Fault stamp, Signal... signals) {
    if (target.pid() <= 1 || target.pid() == ProcessHandle.current().pid()) {
      throw new FaultRefusedException(kind + " refused: never signalling pid " + target.pid());
    }
    try {
      ProcessGroups.verifyGroupLeader(target);
      if (stamp != null) {
        stamp.injectedNow();
      }
      ProcessGroups.signalGroup(target, signals);
    } catch (SignalRefusedException e) {
      throw new FaultRefusedException(kind + " refused: " + e.getMessage(), e);
    }
  }
}
