package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.Signal;
import dev.supervisedtemporal.lifecycle.process.SignalRefusedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops server processes a manager spawned by signalling their process group, only once the
 * child is verified to be the one we started: TERM + CONT with a grace period, then KILL + CONT,
 * then reaps it.
 */
final class ServerSignals {

  /** Under the facade's name: users configure and read the manager's log lines as one. */
  private static final Logger LOG = LoggerFactory.getLogger(TemporalManager.class);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final Duration stopGracePeriod;

  ServerSignals(Duration stopGracePeriod) {
    this.stopGracePeriod = stopGracePeriod;
  }

  /** Ends a server: gracefully (TERM, the grace period, then KILL) or at once (KILL). */
  void terminate(RunningServer running, boolean graceful) {
    running.expectedExit().set(true);
    Process process = running.process();
    if (graceful && process.isAlive()) {
      signalOwnGroup(process, running.spawnStart(), Signal.TERM);
      try {
        process.waitFor(stopGracePeriod.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    killSpawned(process, running.spawnStart());
  }

  /** KILL + CONT to the group of a process we spawned, then reap it. */
  void killSpawned(Process process, Instant spawnStart) {
    if (process.isAlive()) {
      signalOwnGroup(process, spawnStart, Signal.KILL);
    }
    boolean interrupted = Thread.interrupted();
    try {
      if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.error("server pid {} did not exit within {} of SIGKILL", process.pid(), KILL_WAIT);
      }
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Signals the group our child leads. The child is verified by its start time: a pid the JDK
   * already reaped and the kernel reused has another start time and is refused.
   */
  private static void signalOwnGroup(Process process, Instant spawnStart, Signal signal) {
    Optional<ProcessIdentity> now = ProcessIdentity.of(process.toHandle());
    if (now.isEmpty()) {
      return;
    }
    if (spawnStart != Instant.EPOCH && !now.get().startInstant().equals(spawnStart)) {
      LOG.warn("not signalling pid {}: it is no longer the process we started", process.pid());
      return;
    }
    try {
      ProcessGroups.signalGroup(now.get(), signal);
    } catch (SignalRefusedException e) {
      // Not (yet) a group leader, or it changed under us: fall back to our own child handle.
      LOG.debug("group signal refused ({}); signalling the child only", e.getMessage());
      if (signal == Signal.TERM) {
        process.destroy();
      } else {
        process.destroyForcibly();
      }
    }
  }
}
