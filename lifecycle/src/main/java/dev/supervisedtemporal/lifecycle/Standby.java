package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.LaunchSpec;
import dev.supervisedtemporal.lifecycle.backend.ServerBackend;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.ProcessSpawner;
import dev.supervisedtemporal.lifecycle.process.Signal;
import dev.supervisedtemporal.lifecycle.process.SignalRefusedException;
import dev.supervisedtemporal.lifecycle.settings.InvalidSettingException;
import dev.supervisedtemporal.lifecycle.settings.SettingRules;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns a manager's warm standbys: a pool of {@code count} spare server processes, started but
 * bound to no port, one of which the manager promotes instead of spawning a cold server.
 *
 * <p>A standby is spawned like a server ({@link ProcessSpawner}: own process group, parent-death
 * signal, spawned from the JVM-wide spawner thread) and through the supervisor's
 * {@link SpawnGate}, with a pipe on its stdin; it also exits when that pipe ends. Promotion
 * writes {@code BIND <port>} to the pipe. The manager calls every method while it holds its
 * lifecycle lock, so a standby is never spawned or promoted while a stop runs, and
 * {@link #stop()} leaves none behind. Signals go to the standby's group only after its start
 * time is verified.
 *
 * <p>A promotion takes a standby at once: the first one that announced it is warm, else the
 * oldest alive one (a standby still warming reads the bind command once it is warm). After a
 * replacement the pool is filled up again only once the new server has served for
 * {@link #REFILL_DELAY} (at the next supervisor tick or start after it): a JVM that starts and
 * warms takes both cores of a small machine for a while, and kills in quick succession are then
 * served by the waiting standbys without that competition. When no standby is left, one is
 * spawned at once (the rest after the delay).
 */
final class Standby {

  private static final Logger LOG = LoggerFactory.getLogger(Standby.class);
  private static final long KILL_WAIT_MILLIS = 5_000;
  /** The largest pool: each standby is a server JVM (~85 MiB resident). */
  static final int MAX_COUNT = SettingRules.MAX_STANDBY_COUNT;
  /** How long a promoted server serves before the pool is filled again, while others wait. */
  static final Duration REFILL_DELAY = Duration.ofSeconds(1);
  /** {@code EmbeddedServerMain.BIND_COMMAND}: the line that promotes a standby, before the port. */
  static final String BIND_COMMAND = "BIND ";
  /** {@code EmbeddedServerMain.STANDBY_WARM}: how a standby's log line says it is warm. */
  static final String STANDBY_WARM = "supervised-temporal: standby warm";

  /** A spawned standby: the process, the start time it was verified by, its command. */
  record Candidate(Process process, Instant spawnStart, List<String> command) {}

  private final ServerBackend backend;
  private volatile StandbyMode mode;
  private final Path workDir;
  private final Path logFile;
  private volatile int count;
  /** The standbys waiting to be promoted, oldest first. */
  private final List<Candidate> waiting = new CopyOnWriteArrayList<>();
  /** Pids of waiting standbys seen announcing they are warm (the log line may scroll away). */
  private final Set<Long> warmPids = ConcurrentHashMap.newKeySet();
  private volatile boolean armed;
  private volatile int promotions;
  private volatile int failedPromotions;
  /** A refill put off after a promotion: when it is due, and the gate and spec it uses. */
  private record Refill(long dueNanos, SpawnGate gate, LaunchSpec spec) {}
  private volatile Refill pendingRefill;
  /** The last start's gate and spec (its due time unused): what an adopted pool fills with. */
  private volatile Refill lastStart;

  Standby(ServerBackend backend, StandbyMode mode, int count, Path workDir, Path logFile) {
    this.backend = backend;
    this.mode = mode;
    this.count = mode == StandbyMode.OFF ? 0 : count;
    this.workDir = workDir;
    this.logFile = logFile;
  }

  /**
   * After a server became ready: on a first start fills the pool; after a replacement spawns
   * one standby at once only if none waits, and puts the rest of the refill off by
   * {@link #REFILL_DELAY}.
   */
  void afterStart(SpawnGate gate, LaunchSpec spec, boolean replacedAServer)
      throws InterruptedException {
    pendingRefill = null;
    lastStart = new Refill(System.nanoTime(), gate, spec);
    if (!replacedAServer) {
      replenish(gate, spec, false, count);
      return;
    }
    boolean anyWaiting = waiting.stream().anyMatch(c -> c.process().isAlive());
    replenish(gate, spec, true, anyWaiting ? 0 : 1);
    if (armed && waiting.size() < count) {
      pendingRefill = new Refill(System.nanoTime() + REFILL_DELAY.toNanos(), gate, spec);
    }
  }

  /**
   * Takes the standby a supervisor's policy asks for. Nothing changes when it is the one this
   * pool already has; a manager without a standby takes it, and with {@link StandbyMode#ON} the
   * pool fills at the next supervisor tick (the server already runs) or at the next start.
   *
   * @throws InvalidSettingException when the manager already has a different standby
   */
  void adopt(StandbyMode wanted, int wantedCount) {
    if (wanted == mode && (wanted == StandbyMode.OFF || wantedCount == count)) {
      return;
    }
    if (mode != StandbyMode.OFF || wanted == StandbyMode.OFF) {
      throw new InvalidSettingException("policy standby", wanted.withCount(wantedCount),
          "differs from the manager's standby = " + mode.withCount(count),
          "the manager's standby, or no standby in the policy");
    }
    count = wantedCount;
    mode = wanted;
    Refill started = lastStart;
    if (wanted == StandbyMode.ON && started != null) {
      pendingRefill = new Refill(System.nanoTime(), started.gate(), started.spec());
    }
  }

  /** Whether a refill put off by {@link #afterStart} waits. */
  boolean refillPending() {
    return pendingRefill != null;
  }

  /** Fills the pool when a refill put off by {@link #afterStart} is due. */
  void refillIfDue() throws InterruptedException {
    Refill refill = pendingRefill;
    if (refill != null && System.nanoTime() - refill.dueNanos() >= 0) {
      pendingRefill = null;
      replenish(refill.gate(), refill.spec(), false, count);
    }
  }

  /**
   * Spawns standbys through the gate, when the mode asks for them, until {@code target} (at
   * most {@code count}) are alive. A standby that cannot be spawned is logged; replacements then start cold.
   *
   * @param replacedAServer whether this start replaced a dead or unhealthy server (arms
   *     {@link StandbyMode#AFTER_FIRST_RESTART})
   */
  private void replenish(SpawnGate gate, LaunchSpec spec, boolean replacedAServer, int target)
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
    for (Candidate current : waiting) {
      if (!current.process().isAlive()) {
        LOG.info("standby pid {} exited with code {}; starting another",
            current.process().pid(), current.process().exitValue());
        forget(current);
      }
    }
    Optional<List<String>> command = backend.standbyCommand(spec);
    if (command.isEmpty()) {
      return;
    }
    while (waiting.size() < Math.min(target, count)) {
      try {
        Process process = gate.spawnIfOpen(
            () -> ProcessSpawner.spawnWithInput(command.get(), workDir, logFile));
        Instant started = process.toHandle().info().startInstant().orElse(Instant.EPOCH);
        waiting.add(new Candidate(process, started, command.get()));
        LOG.debug("standby pid {} started for port {}", process.pid(), spec.port());
      } catch (SpawnCancelledException e) {
        return; // stop has begun: no standby
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        LOG.warn("cannot start a standby server; replacements start cold: {}", e.toString());
        return;
      }
    }
  }

  /**
   * Takes a waiting standby — the first that announced it is warm, else the oldest alive — and
   * tells it to bind the port; call inside the spawn gate, once the port is proven free.
   * Standbys found gone or that cannot be told are reaped and counted as failed promotions, and
   * the next one is tried. Returns empty when none is left: the caller starts a server cold.
   */
  Optional<Candidate> promote(int port) {
    while (!waiting.isEmpty()) {
      Candidate candidate = next();
      forget(candidate);
      if (!candidate.process().isAlive()) {
        failedPromotions++;
        LOG.warn("standby pid {} had exited (code {}); trying the next or starting cold",
            candidate.process().pid(), candidate.process().exitValue());
        continue;
      }
      try {
        OutputStream in = candidate.process().getOutputStream();
        in.write((BIND_COMMAND + port + "\n").getBytes(StandardCharsets.US_ASCII));
        in.close();
      } catch (IOException e) {
        failedPromotions++;
        LOG.warn("cannot send the bind command to standby pid {}; trying the next or starting "
            + "cold: {}", candidate.process().pid(), e.toString());
        kill(candidate);
        continue;
      }
      return Optional.of(candidate);
    }
    return Optional.empty();
  }

  /** The standby a promotion takes: the first warm one, else the oldest; the pool is not empty. */
  private Candidate next() {
    Set<Long> warm = warmPids();
    return waiting.stream().filter(c -> warm.contains(c.process().pid())).findFirst()
        .orElse(waiting.get(0));
  }

  private void forget(Candidate candidate) {
    waiting.remove(candidate);
    warmPids.remove(candidate.process().pid());
  }

  /** Counts a promotion that served. */
  void promoted() {
    promotions++;
  }

  /** Counts a promotion that did not serve (the caller has killed the process). */
  void promotionFailed() {
    failedPromotions++;
  }

  /** Kills every waiting standby and reaps it; the mode is re-armed by the next start. */
  void stop() {
    armed = false;
    pendingRefill = null;
    List<Candidate> all = List.copyOf(waiting);
    waiting.clear();
    warmPids.clear();
    for (Candidate candidate : all) {
      kill(candidate);
    }
  }

  /** The verified identity of the standby the next promotion takes, if one is alive. */
  Optional<ProcessIdentity> identity() {
    if (waiting.isEmpty()) {
      return Optional.empty();
    }
    try {
      return verified(next());
    } catch (IndexOutOfBoundsException e) {
      return Optional.empty(); // taken meanwhile
    }
  }

  /** The verified identities of all waiting standbys that are alive, oldest first. */
  List<ProcessIdentity> identities() {
    return waiting.stream().map(Standby::verified).flatMap(Optional::stream).toList();
  }

  /**
   * The standby's identity once it runs the server's own command: until the wrapper
   * ({@code setpriv … setsid …}) has exec'd into it, the command line read from /proc is the
   * wrapper's, an identity that a later check would call "a different command".
   */
  private static Optional<ProcessIdentity> verified(Candidate candidate) {
    if (!candidate.process().isAlive()) {
      return Optional.empty();
    }
    return ProcessIdentity.of(candidate.process().toHandle())
        .filter(id -> id.startInstant().equals(candidate.spawnStart()))
        .filter(id -> id.commandLine().equals(candidate.command()));
  }

  StandbyStatus status() {
    List<Long> pids = identities().stream().map(ProcessIdentity::pid).toList();
    Set<Long> warm = warmPids();
    long pid = identity().map(ProcessIdentity::pid).orElse(-1L);
    int warmCount = (int) pids.stream().filter(warm::contains).count();
    return new StandbyStatus(mode, count, pid, pid > 0 && warm.contains(pid), pids, warmCount,
        promotions, failedPromotions);
  }

  /**
   * The pids of waiting standbys that have written their warm line to the log; a pid once seen
   * is remembered while it waits.
   */
  private Set<Long> warmPids() {
    if (waiting.stream().allMatch(c -> warmPids.contains(c.process().pid()))) {
      return warmPids;
    }
    try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
      long from = Math.max(0, file.length() - 64 * 1024);
      byte[] bytes = new byte[(int) (file.length() - from)];
      file.seek(from);
      file.readFully(bytes);
      for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith(STANDBY_WARM)) {
          for (Candidate c : waiting) {
            if (line.strip().endsWith("pid " + c.process().pid())) {
              warmPids.add(c.process().pid());
            }
          }
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot read {}", logFile, e);
    }
    return warmPids;
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
