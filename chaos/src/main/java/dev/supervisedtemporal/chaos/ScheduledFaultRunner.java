package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.Await;
import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import java.time.Duration;

/** Runs one planned fault of a {@link ChaosSchedule} and records what happened to it. */
final class ScheduledFaultRunner {

  private static final Duration SERVER_POLL = Duration.ofMillis(10);

  private final Duration hold;
  private final Duration recoveryTimeout;

  ScheduledFaultRunner(Duration hold, Duration recoveryTimeout) {
    this.hold = hold;
    this.recoveryTimeout = recoveryTimeout;
  }

  /**
   * Injects the planned fault once a live server is there, keeps a lasting one for the hold,
   * heals it and awaits recovery; a refused fault or a missed recovery is an outcome, not an
   * exception.
   */
  FaultOutcome run(Chaos chaos, ScheduledFault planned) throws InterruptedException {
    awaitServer(chaos.manager());
    Fault fault;
    try {
      fault = inject(chaos, planned.kind());
    } catch (RuntimeException e) {
      return new FaultOutcome(planned, "", chaos.manager().pid(), 0, false, Duration.ZERO,
          String.valueOf(e.getMessage()));
    }
    try {
      if (planned.kind().lasting()) {
        Thread.sleep(hold.toMillis());
      }
    } finally {
      fault.heal();
    }
    Duration recovery;
    try {
      recovery = chaos.awaitRecovery(fault, recoveryTimeout).rpcRecovered();
    } catch (AwaitTimeoutException e) {
      return new FaultOutcome(planned, fault.id(), fault.targetPid(), fault.injectedNanos(),
          false, Duration.ZERO, "");
    }
    return new FaultOutcome(planned, fault.id(), fault.targetPid(), fault.injectedNanos(),
        true, recovery, "");
  }

  private Fault inject(Chaos chaos, FaultKind kind) {
    switch (kind) {
      case KILL:
        return chaos.kill();
      case TERMINATE:
        return chaos.terminate();
      case SUSPEND:
        return chaos.suspend();
      case HANG:
        return chaos.hangFor(hold);
      case STEAL_PORT:
        return chaos.stealPort();
      case CORRUPT_PID_FILE:
        return chaos.corruptPidFile();
      case DELETE_PID_FILE:
        return chaos.deletePidFile();
      case FOREIGN_PID_FILE:
        return chaos.pidFileNamingForeignProcess();
      default:
        throw new IllegalArgumentException(kind + " cannot be scheduled");
    }
  }

  /**
   * Waits (up to the recovery timeout) until the manager runs a live server to target; when none
   * comes, the fault is tried anyway and its refusal recorded.
   */
  private void awaitServer(TemporalManager manager) {
    try {
      Await.until("a live server to target").atMost(recoveryTimeout)
          .pollInterval(SERVER_POLL)
          .until(() -> manager.serverIdentity().map(ProcessIdentity::isStillAlive).orElse(false));
    } catch (AwaitTimeoutException e) {
      // the injection below is refused and recorded as this fault's outcome
    }
  }
}
