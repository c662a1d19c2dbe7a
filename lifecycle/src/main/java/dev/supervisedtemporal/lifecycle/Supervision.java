package dev.supervisedtemporal.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor side of a manager: owns at most one running {@link Supervisor}, the event log
 * every supervisor of the manager writes to, and the fan-out of server exits to listeners.
 */
final class Supervision {

  /** Under the facade's name: users configure and read the manager's log lines as one. */
  private static final Logger LOG = LoggerFactory.getLogger(TemporalManager.class);

  private final SupervisorEvents events = new SupervisorEvents();
  private final List<Consumer<ServerExit>> exitListeners = new CopyOnWriteArrayList<>();
  private Supervisor supervisor;

  /** Starts a supervisor on the server unless one runs; returns the running one. */
  synchronized Supervisor start(SupervisedServer server, SupervisorPolicy policy,
      String threadName) {
    Objects.requireNonNull(policy, "policy");
    if (supervisor != null && !supervisor.isStopping()) {
      return supervisor;
    }
    SplittableRandom random = policy.randomSeed().isPresent()
        ? new SplittableRandom(policy.randomSeed().getAsLong()) : new SplittableRandom();
    Supervisor created =
        new Supervisor(server, policy, new ThreadScheduler(threadName), events, random);
    supervisor = created;
    created.start();
    return created;
  }

  /** Stops the supervisor, if there is one; no restart happens after this returns. */
  void stop() {
    Supervisor s;
    synchronized (this) {
      s = supervisor;
      supervisor = null;
    }
    if (s != null) {
      s.stop();
    }
  }

  synchronized Optional<Supervisor> current() {
    return Optional.ofNullable(supervisor);
  }

  SupervisorEvents events() {
    return events;
  }

  /** Calls the listener whenever a server process of the manager exits. */
  SupervisorEvents.Registration onServerExit(Consumer<ServerExit> listener) {
    exitListeners.add(listener);
    return () -> exitListeners.remove(listener);
  }

  /** Tells every exit listener that a server exited; a listener that throws is skipped. */
  void serverExited(RunningServer running) {
    ServerExit exit = new ServerExit(running.process().pid(), running.process().exitValue(),
        running.expectedExit().get(), System.nanoTime(), Instant.now());
    for (Consumer<ServerExit> listener : exitListeners) {
      try {
        listener.accept(exit);
      } catch (RuntimeException e) {
        LOG.warn("a server exit listener threw; ignored", e);
      }
    }
  }
}
