package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.LaunchSpec;
import dev.supervisedtemporal.lifecycle.backend.ServerBackend;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.ProcessSpawner;
import dev.supervisedtemporal.lifecycle.process.Signal;
import dev.supervisedtemporal.lifecycle.process.SignalRefusedException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns a manager's warm standby: at most one spare server process, started but bound to no
 * port, that the manager promotes instead of spawning a cold server.
 *
 * <p>A standby is spawned like a server ({@link ProcessSpawner}: own process group, parent-death
 * signal, spawned from the JVM-wide spawner thread) and through the supervisor's
 * {@link SpawnGate}, with a pipe on its stdin; it also exits when that pipe ends. Promotion
 * writes {@code BIND <port>} to the pipe. The manager calls every method while it holds its
 * lifecycle lock, so a standby is never spawned or promoted while a stop runs, and
 * {@link #stop()} leaves none behind. Signals go to the standby's group only after its start
 * time is verified.
 */
final class Standby {

  private static final Logger LOG = LoggerFactory.getLogger(Standby.class);
  private static final long KILL_WAIT_MILLIS = 5_000;
  /** {@code EmbeddedServerMain.BIND_COMMAND}: the line that promotes a standby, before the port. */
  static final String BIND_COMMAND = "BIND ";
  /** {@code EmbeddedServerMain.STANDBY_WARM}: how a standby's log line says it is warm. */
  static final String STANDBY_WARM = "supervised-temporal: standby warm";

  /** A spawned standby: the process, the start time it was verified by, its command. */
  record Candidate(Process process, Instant spawnStart, List<String> command) {}

  private final ServerBackend backend;
  private final StandbyMode mode;
  private final Path workDir;
  private final Path logFile;
  private volatile Candidate waiting;
  private volatile boolean armed;
  private volatile int promotions;
  private volatile int failedPromotions;

  Standby(ServerBackend backend, StandbyMode mode, Path workDir, Path logFile) {
    this.backend = backend;
    this.mode = mode;
    this.workDir = workDir;
    this.logFile = logFile;
  }

  /**
   * After a server became ready: spawns a standby through the gate when the mode asks for one
   * and none is waiting. A standby that cannot be spawned is logged; replacements start cold.
   *
   * @param replacedAServer whether this start replaced a dead or unhealthy server (arms
   *     {@link StandbyMode#AFTER_FIRST_RESTART})
   */
  void replenish(SpawnGate gate, LaunchSpec spec, boolean replacedAServer)
      throws InterruptedException {
    if (mode == StandbyMode.OFF) {
      return;
    }
    if (mode == StandbyMode.ON || replacedAServer) {
      armed = true;
    }
    if (!armed) {
      return;
    }
    Candidate current = waiting;
    if (current != null) {
      if (current.process().isAlive()) {
        return;
      }
      LOG.info("standby pid {} exited with code {}; starting another",
          current.process().pid(), current.process().exitValue());
      waiting = null;
    }
    Optional<List<String>> command = backend.standbyCommand(spec);
    if (command.isEmpty()) {
      return;
    }
    try {
      Process process = gate.spawnIfOpen(
          () -> ProcessSpawner.spawnWithInput(command.get(), workDir, logFile));
      Instant started = process.toHandle().info().startInstant().orElse(Instant.EPOCH);
      waiting = new Candidate(process, started, command.get());
      LOG.debug("standby pid {} started for port {}", process.pid(), spec.port());
    } catch (SpawnCancelledException e) {
      // stop has begun: no standby
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      LOG.warn("cannot start a standby server; replacements start cold: {}", e.toString());
    }
  }

  /**
   * Takes the waiting standby and tells it to bind the port; call inside the spawn gate, once
   * the port is proven free. Returns empty (and counts a failed promotion) when the standby is
   * gone or cannot be told; such a standby is reaped here.
   */
  Optional<Candidate> promote(int port) {
    Candidate candidate = waiting;
    waiting = null;
    if (candidate == null) {
      return Optional.empty();
    }
    if (!candidate.process().isAlive()) {
      failedPromotions++;
      LOG.warn("standby pid {} had exited (code {}); starting the server cold",
          candidate.process().pid(), candidate.process().exitValue());
      return Optional.empty();
    }
    try (OutputStream in = candidate.process().getOutputStream()) {
      in.write((BIND_COMMAND + port + "\n")
          .getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      failedPromotions++;
      LOG.warn("cannot send the bind command to standby pid {}; starting the server cold: {}",
          candidate.process().pid(), e.toString());
      kill(candidate);
      return Optional.empty();
    }
    return Optional.of(candidate);
  }

  /** Counts a promotion that served. */
  void promoted() {
    promotions++;
  }

  /** Counts a promotion that did not serve (the caller has killed the process). */
  void promotionFailed() {
    failedPromotions++;
  }

  /** Kills the waiting standby, if any, and reaps it; the mode is re-armed by the next start. */
  void stop() {
    Candidate candidate = waiting;
    waiting = null;
    armed = false;
    if (candidate != null) {
      kill(candidate);
    }
  }

  /** The waiting standby's identity, if one is alive. */
  Optional<ProcessIdentity> identity() {
    Candidate candidate = waiting;
    if (candidate == null || !candidate.process().isAlive()) {
      return Optional.empty();
    }
    return ProcessIdentity.of(candidate.process().toHandle())
        .filter(id -> id.startInstant().equals(candidate.spawnStart()));
  }

  StandbyStatus status() {
    long pid = identity().map(ProcessIdentity::pid).orElse(-1L);
    return new StandbyStatus(mode, pid, pid > 0 && announcedWarm(pid), promotions,
        failedPromotions);
  }

  /** Whether the standby with this pid has written its warm line to the log. */
  private boolean announcedWarm(long pid) {
    String suffix = "pid " + pid;
    try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
      long from = Math.max(0, file.length() - 16 * 1024);
      byte[] bytes = new byte[(int) (file.length() - from)];
      file.seek(from);
      file.readFully(bytes);
      for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith(STANDBY_WARM) && line.strip().endsWith(suffix)) {
          return true;
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot read {}", logFile, e);
    }
    return false;
  }

  /** KILL + CONT to the standby's group once its start time is verified, then reap it. */
  static void kill(Candidate candidate) {
    Process process = candidate.process();
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      LOG.debug("closing the stdin of standby pid {}", process.pid(), e);
    }
    Optional<ProcessIdentity> now = ProcessIdentity.of(process.toHandle());
    if (process.isAlive() && now.isPresent()) {
      if (!now.get().startInstant().equals(candidate.spawnStart())) {
        LOG.warn("not signalling pid {}: it is no longer the standby we started", process.pid());
      } else {
        try {
          ProcessGroups.signalGroup(now.get(), Signal.KILL);
        } catch (SignalRefusedException e) {
          LOG.debug("group signal refused ({}); killing the child only", e.getMessage());
          process.destroyForcibly();
        }
      }
    }
    boolean interrupted = Thread.interrupted();
    try {
      if (!process.waitFor(KILL_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        LOG.error("standby pid {} did not exit within {} ms of SIGKILL", process.pid(),
            KILL_WAIT_MILLIS);
      }
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
