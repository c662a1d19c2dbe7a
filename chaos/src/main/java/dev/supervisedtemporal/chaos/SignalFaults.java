package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.Signal;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals the server's verified process group: kill and terminate (one-shot), suspend and hang
 * (SIGSTOP, undone by SIGCONT).
 */
final class SignalFaults {

  private static final Logger LOG = LoggerFactory.getLogger(Chaos.class);
  private static final Duration STOPPED_WITHIN = Duration.ofSeconds(2);

  private final TemporalManager manager;
  private final FaultRegistry registry;

  SignalFaults(TemporalManager manager, FaultRegistry registry) {
    this.manager = manager;
    this.registry = registry;
  }

  /** SIGKILL (+ SIGCONT) to the group; nothing to undo. */
  Fault kill() {
    return registry.inject(FaultKind.KILL, f -> {
      ProcessIdentity server = GroupSignals.serverOf(manager, FaultKind.KILL);
      f.onHeal(Undo.NOTHING);
      GroupSignals.send(server, FaultKind.KILL, f, Signal.KILL);
      return "SIGKILL + SIGCONT sent to process group " + server.pid();
    });
  }

  /** SIGTERM + SIGCONT to the group; nothing to undo. */
  Fault terminate() {
    return registry.inject(FaultKind.TERMINATE, f -> {
      ProcessIdentity server = GroupSignals.serverOf(manager, FaultKind.TERMINATE);
      f.onHeal(Undo.NOTHING);
      GroupSignals.send(server, FaultKind.TERMINATE, f, Signal.TERM);
      return "SIGTERM + SIGCONT sent to process group " + server.pid();
    });
  }

  /** SIGSTOP to the group, returning once it is stopped; healing sends SIGCONT. */
  Fault suspend() {
    return registry.inject(FaultKind.SUSPEND, f -> stop(f, FaultKind.SUSPEND));
  }

  /** Heals every open suspend or hang; how many. */
  int resume() {
    int count = 0;
    for (Fault fault : registry.open()) {
      if (fault.kind() == FaultKind.SUSPEND || fault.kind() == FaultKind.HANG) {
        fault.heal();
        count++;
      }
    }
    return count;
  }

  /** SIGSTOP to the group now, SIGCONT after the duration on the chaos timer (or when healed). */
  Fault hangFor(Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration = " + duration + "; accepted: positive");
    }
    Fault fault = registry.inject(FaultKind.HANG,
        f -> stop(f, FaultKind.HANG) + " for " + duration);
    ChaosTimer.after(duration, () -> {
      try {
        fault.heal();
      } catch (RuntimeException e) {
        LOG.error("ending hang {} failed", fault.id(), e);
      }
    });
    return fault;
  }

  private String stop(Fault f, FaultKind kind) {
    ProcessIdentity server = GroupSignals.serverOf(manager, kind);
    f.onHeal(() -> resumeGroup(server, kind));
    GroupSignals.send(server, kind, f, Signal.STOP);
    boolean stopped = ProcState.await(server.pid(), 'T', STOPPED_WITHIN);
    return "SIGSTOP sent to process group " + server.pid()
        + (stopped ? "; state T" : "; state T not observed within 2 s");
  }

  private static String resumeGroup(ProcessIdentity server, FaultKind kind) {
    if (server.mismatch().isPresent()) {
      return "server " + server.pid() + " is gone; nothing to resume";
    }
    GroupSignals.send(server, kind, Signal.CONT);
    return "SIGCONT sent to process group " + server.pid();
  }
}
