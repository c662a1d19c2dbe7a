package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.BackendDiscovery;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.backend.CliBackend;
import dev.supervisedtemporal.lifecycle.backend.ExternalBackend;
import dev.supervisedtemporal.lifecycle.backend.FreePorts;
import dev.supervisedtemporal.lifecycle.backend.LaunchSpec;
import dev.supervisedtemporal.lifecycle.backend.SearchAttributeType;
import dev.supervisedtemporal.lifecycle.backend.ServerBackend;
import dev.supervisedtemporal.lifecycle.backend.ServerOptions;
import dev.supervisedtemporal.lifecycle.process.PortOwnership;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.ProcessSpawner;
import dev.supervisedtemporal.lifecycle.process.Signal;
import dev.supervisedtemporal.lifecycle.process.SignalRefusedException;
import dev.supervisedtemporal.lifecycle.state.PidFile;
import dev.supervisedtemporal.lifecycle.state.StateDirLock;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one Temporal server process: starts it idempotently, tells whether it is really running,
 * stops it without leaving anything behind, and can put a {@link Supervisor} on it.
 *
 * <p>{@link #start()} reuses a healthy server; otherwise it takes the state dir's lock, cleans a
 * stale pid file (signalling a leftover server only when its pid, start time and command line
 * all match what the file recorded), spawns the server in its own process group with output
 * appended to {@code server.log} in the state dir, and waits for the gRPC health service to
 * answer SERVING and for its namespaces and search attributes to be there
 * ({@link ServerOptions}). {@link #stop()} sends TERM + CONT to the group, waits the grace
 * period, then KILL, and releases the lock and the pid file. {@link #close()} also stops a supervisor first
 * and deletes a state dir the manager created. A JVM shutdown hook closes every open manager,
 * supervisors before servers.
 */
public final class TemporalManager implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TemporalManager.class);
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
  private static final int PORT_ATTEMPTS = 5;
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  /**
   * How long a supervisor's restart lets the server it already judged unhealthy answer before
   * replacing it: a healthy server answers in a few ms, and a hung one would otherwise add the
   * whole wait to every hang recovery.
   */
  private static final Duration RESTART_REUSE_CHECK = Duration.ofMillis(100);

  private final ServerBackend backend;
  private final int requestedPort;
  private final Path stateDir;
  private final boolean ownsStateDir;
  private final String namespace;
  private final Duration startupTimeout;
  private final Duration stopGracePeriod;
  private final boolean persistent;
  private final ServerOptions options;
  private final StateDirLock lock;
  private final PidFile pidFile;
  private final Path logFile;
  private final SupervisorEvents events = new SupervisorEvents();
  private final PortGuard portGuard = new PortGuard();
  private final List<Consumer<ServerExit>> exitListeners = new CopyOnWriteArrayList<>();
  private final Object lifecycle = new Object();
  private volatile List<String> staleStateNotes = List.of();

  private volatile Running current;
  private volatile int port;
  private final Object probeLock = new Object();
  private GrpcProbe probe;
  private volatile StartResult lastStart;
  private volatile boolean closed;
  private volatile ProcessIdentity discarded;
  private Supervisor supervisor;
  private final Standby standby;

  /** One live server process and what we know of it. */
  private record Running(Process process, Instant spawnStart, ProcessIdentity identity, int port,
      AtomicBoolean expectedExit) {}

  private TemporalManager(Builder b, ServerBackend backend, Path stateDir, boolean ownsStateDir,
      ServerOptions options) {
    this.backend = backend;
    this.options = options;
    this.requestedPort = backend instanceof ExternalBackend ext ? ext.port() : b.port;
    this.port = backend instanceof ExternalBackend ext ? ext.port() : 0;
    this.stateDir = stateDir;
    this.ownsStateDir = ownsStateDir;
    this.namespace = b.namespace;
    this.startupTimeout = b.startupTimeout;
    this.stopGracePeriod = b.stopGracePeriod;
    this.persistent = b.persistent;
    this.lock = new StateDirLock(stateDir, "TemporalManager@" + Integer.toHexString(
        System.identityHashCode(this)) + " (pid " + ProcessHandle.current().pid() + ")");
    this.pidFile = new PidFile(stateDir);
    this.logFile = stateDir.resolve("server.log");
    this.standby = new Standby(backend, b.standbyMode,
        b.standbyCount == null ? 1 : b.standbyCount, stateDir, logFile);
    OpenManagers.register(this);
  }

  /** A builder with defaults: AUTO backend, a free port, a fresh private state dir. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Makes sure a healthy server runs: reuses a healthy one, else cleans up and starts one, and
   * waits until it answers gRPC health checks.
   *
   * @throws TemporalStartException with the command line and log tail when it cannot
   * @throws PortInUseException when the port is held by a process that is not ours
   * @throws dev.supervisedtemporal.lifecycle.state.StateDirLockedException when another manager
   *     owns the state dir
   */
  public StartResult start() {
    try {
      return start(SpawnGate.ALWAYS_OPEN, Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TemporalStartException("interrupted while starting", List.of(), logTail(10), e);
    }
  }

  StartResult start(SpawnGate gate, Duration reuseCheckTimeout) throws InterruptedException {
    synchronized (lifecycle) {
      ensureOpen();
      if (!backend.ownsProcess()) {
        return startExternal();
      }
      Running running = current;
      if (running != null) {
        HealthReport report = health(ProbeDepth.FULL, reuseCheckTimeout);
        if (report.healthy()) {
          standby.refillIfDue();
          return new StartResult(running.identity().pid(), running.port(), true, Duration.ZERO, 0);
        }
        LOG.info("replacing unhealthy server {}: {}", running.identity().pid(), report.summary());
        discard(running);
      }
      boolean replacing = running != null;
      prepareStateDir();
      lock.acquire();
      staleStateNotes = StaleState.clean(pidFile, discarded);
      backend.prepare();
      for (int attempt = 1; ; attempt++) {
        int chosen = port != 0 ? port : requestedPort != 0 ? requestedPort : FreePorts.pick();
        try {
          long began = System.nanoTime();
          Running started = spawnAndAwaitReady(chosen, gate);
          Duration spawnToReady = Duration.ofNanos(System.nanoTime() - began);
          current = started;
          port = chosen;
          pidFile.write(started.identity(), chosen);
          StartResult result =
              new StartResult(started.identity().pid(), chosen, false, spawnToReady, attempt);
          lastStart = result;
          LOG.info("{} server pid {} ready on 127.0.0.1:{} in {} ms", backend.name(),
              result.pid(), chosen, spawnToReady.toMillis());
          standby.afterStart(gate, new LaunchSpec(chosen, stateDir, namespace, persistent),
              replacing);
          return result;
        } catch (PortInUseException e) {
          boolean mayMove = port == 0 && requestedPort == 0 && attempt < PORT_ATTEMPTS;
          if (!mayMove) {
            throw e;
          }
          LOG.info("port {} was taken before the server bound it; trying another", chosen);
        } catch (AuxiliaryPortInUseException e) {
          // The HTTP and metrics ports are picked anew for every command, on every start.
          if (attempt >= PORT_ATTEMPTS) {
            throw e;
          }
          LOG.info("an HTTP or metrics port of the server on {} was taken; trying new ones",
              chosen);
        }
      }
    }
  }

  /**
   * Stops the supervisor (if any), then the server: TERM + CONT to its process group, the grace
   * period, then KILL; removes the pid file and releases the lock. Idempotent.
   */
  public void stop() {
    stopSupervisor();
    synchronized (lifecycle) {
      standby.stop();
      Running running = current;
      current = null;
      if (running != null) {
        terminate(running, true);
      }
      if (lock.isHeld()) {
        pidFile.delete();
      }
      lock.release();
    }
  }

  /** Stops everything and deletes the state dir if this manager created it. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      stop();
    } finally {
      closed = true;
      synchronized (probeLock) {
        if (probe != null) {
          probe.close();
          probe = null;
        }
      }
      OpenManagers.unregister(this);
      if (ownsStateDir) {
        deleteRecursively(stateDir);
      }
    }
  }

  // ---------------------------------------------------------------- supervision

  /**
   * Puts a supervisor on this server and starts it; returns the running one if there is one.
   */
  public synchronized Supervisor startSupervisor(SupervisorPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    ensureOpen();
    if (supervisor != null && !supervisor.isStopping()) {
      return supervisor;
    }
    SplittableRandom random = policy.randomSeed().isPresent()
        ? new SplittableRandom(policy.randomSeed().getAsLong()) : new SplittableRandom();
    Supervisor created = new Supervisor(new ManagedServer(), policy,
        new ThreadScheduler("supervised-temporal-supervisor-" + backend.name() + "-" + port),
        events, random);
    supervisor = created;
    created.start();
    return created;
  }

  /** Stops the supervisor, if there is one; no restart happens after this returns. */
  public void stopSupervisor() {
    Supervisor s;
    synchronized (this) {
      s = supervisor;
      supervisor = null;
    }
    if (s != null) {
      s.stop();
    }
  }

  /** The running supervisor, if any. */
  public synchronized Optional<Supervisor> supervisor() {
    return Optional.ofNullable(supervisor);
  }

  /** The event log every supervisor of this manager writes to. */
  public SupervisorEvents events() {
    return events;
  }

  /** Calls the listener whenever a server process this manager started exits. */
  public SupervisorEvents.Registration onServerExit(Consumer<ServerExit> listener) {
    exitListeners.add(listener);
    return () -> exitListeners.remove(listener);
  }

  /**
   * Makes a client channel reconnect at once whenever a replacement server is ready: its gRPC
   * connect backoff (1 s, then x1.6) is reset on every restart and on every return to health.
   * Enrol the channel of every client that outlives a fault, e.g.
   * {@code manager.reconnectOnRestart(stubs.getRawChannel())} for Temporal's
   * {@code WorkflowServiceStubs} (workers poll through their client's stubs). Close the
   * registration when the channel is shut down; a shut-down channel is skipped meanwhile.
   *
   * @return the enrolment; closing it stops the resets
   */
  public SupervisorEvents.Registration reconnectOnRestart(ManagedChannel channel) {
    return ReconnectOnRestart.enrol(events, channel);
  }

  // ---------------------------------------------------------------- health

  /** Whether a server runs, is ours, owns its port and answers gRPC health within 2 s. */
  public boolean isRunning() {
    return health(ProbeDepth.FULL, Duration.ofSeconds(2)).healthy();
  }

  /** A full health report with a 2 s protocol deadline. */
  public HealthReport health() {
    return health(ProbeDepth.FULL, Duration.ofSeconds(2));
  }

  /** A health report of the given depth, with the given probe deadline. */
  public HealthReport health(ProbeDepth depth, Duration timeout) {
    List<HealthReport.LayerResult> layers = new ArrayList<>();
    if (!backend.ownsProcess()) {
      probeLayer(layers, timeout);
      return new HealthReport(Instant.now(), -1, layers);
    }
    Running running = current;
    if (depth == ProbeDepth.FULL) {
      boolean held = lock.isHeld();
      layers.add(layer(HealthReport.Layer.LOCK, held,
          held ? "holding " + lock.file() : "the state dir lock is not held"));
      if (!held) {
        return report(running, layers);
      }
    }
    if (running == null) {
      layers.add(layer(HealthReport.Layer.PROCESS_ALIVE, false, "no server has been started"));
      return report(null, layers);
    }
    Process process = running.process();
    if (!process.isAlive()) {
      layers.add(layer(HealthReport.Layer.PROCESS_ALIVE, false, "pid " + process.pid()
          + " exited with code " + process.exitValue()));
      return report(running, layers);
    }
    layers.add(layer(HealthReport.Layer.PROCESS_ALIVE, true, "pid " + process.pid()));
    // Our own child cannot be replaced while the JDK has not reaped it (its pid stays taken),
    // and its identity was verified at spawn: re-reading /proc every tick would tell nothing new.
    Optional<String> mismatch =
        process.isAlive() ? Optional.empty() : running.identity().mismatch();
    layers.add(layer(HealthReport.Layer.IDENTITY, mismatch.isEmpty(),
        mismatch.orElse("our unreaped child, verified at spawn")));
    if (mismatch.isPresent()) {
      return report(running, layers);
    }
    if (depth == ProbeDepth.CONNECT) {
      layers.add(tcpConnect(running.port(), timeout));
      return report(running, layers);
    }
    HealthReport.LayerResult owner =
        portGuard.ownerLayer(running.process().toHandle(), running.port());
    layers.add(owner);
    if (owner.ok()) {
      probeLayer(layers, timeout);
    }
    return report(running, layers);
  }

  /** Whether a {@code GetSystemInfo} call succeeds within the timeout: a real client RPC. */
  public boolean answersRpc(Duration timeout) {
    GrpcProbe p;
    synchronized (probeLock) {
      p = probe;
    }
    return p != null && p.checkSystemInfo(timeout).isEmpty();
  }

  // ---------------------------------------------------------------- accessors

  /** The server's pid, or -1 when none runs (or for an external server). */
  public long pid() {
    Running running = current;
    return running == null ? -1 : running.identity().pid();
  }

  /** The manager's warm standbys: mode, count, the waiting standbys' pids, promotions so far. */
  public StandbyStatus standby() {
    return standby.status();
  }

  /** The verified identity of the standby the next promotion takes, if one is alive. */
  public Optional<ProcessIdentity> standbyIdentity() {
    return standby.identity();
  }

  /** The verified identities of all waiting standbys that are alive, oldest first. */
  public List<ProcessIdentity> standbyIdentities() {
    return standby.identities();
  }

  /** The verified identity of the running server, if one runs. */
  public Optional<ProcessIdentity> serverIdentity() {
    return Optional.ofNullable(current).map(Running::identity);
  }

  /** The port: the requested one, or the one picked at the first start; 0 before that. */
  public int port() {
    return port;
  }

  /** {@code 127.0.0.1:PORT}, the address clients use; stable across restarts. */
  public String target() {
    if (backend instanceof ExternalBackend ext) {
      return ext.host() + ":" + ext.port();
    }
    if (port == 0) {
      throw new IllegalStateException("no port yet: call start() first");
    }
    return "127.0.0.1:" + port;
  }

  /** The namespace that exists on the server once it is ready. */
  public String namespace() {
    return namespace;
  }

  /** The server's set-up: time skipping, extra namespaces, search attributes and the rest. */
  public ServerOptions serverOptions() {
    return options;
  }

  /** The backend that starts the server. */
  public ServerBackend backend() {
    return backend;
  }

  /** Whether the server was asked to keep its data in a file (CLI backend), so it survives a kill. */
  public boolean persistent() {
    return persistent;
  }

  /** The private state directory: lock, pid file, log, database. */
  public Path stateDir() {
    return stateDir;
  }

  /** The pid file. */
  public Path pidFile() {
    return pidFile.path();
  }

  /** The lock file. */
  public Path lockFile() {
    return lock.file();
  }

  /** The server's log file (stdout and stderr, appended across restarts). */
  public Path logFile() {
    return logFile;
  }

  /** Whether this manager holds its state dir's lock. */
  public boolean holdsLock() {
    return lock.isHeld();
  }

  /** The most recent start that spawned a server, if any. */
  public Optional<StartResult> lastStart() {
    return Optional.ofNullable(lastStart);
  }

  /** What the most recent start found and cleaned in the state dir (stale pid files, orphans). */
  public List<String> staleStateNotes() {
    return staleStateNotes;
  }

  /** The last {@code lines} lines of the server log. */
  public List<String> logTail(int lines) {
    if (lines <= 0 || !Files.isRegularFile(logFile)) {
      return List.of();
    }
    try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
      long length = file.length();
      long from = Math.max(0, length - 64 * 1024);
      byte[] bytes = new byte[(int) (length - from)];
      file.seek(from);
      file.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
      return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return List.of("(cannot read " + logFile + ": " + e.getMessage() + ")");
    }
  }

  @Override
  public String toString() {
    return "TemporalManager[" + backend.name() + " 127.0.0.1:" + port + ", state " + stateDir
        + ", pid " + pid() + "]";
  }

  // ---------------------------------------------------------------- internals

  private StartResult startExternal() throws InterruptedException {
    GrpcProbe external = probeFor(port);
    // A server that is still coming up (refusing connections) gets until startupTimeout.
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    Optional<String> failure;
    while (true) {
      Duration wait = Duration.ofNanos(Math.max(1, Math.min(deadline - System.nanoTime(),
          TimeUnit.SECONDS.toNanos(2))));
      failure = external.checkServing(wait).or(() ->
          NamespaceReadiness.check(external.channel(), namespace, options, false, wait));
      if (failure.isEmpty() || System.nanoTime() >= deadline) {
        break;
      }
      Thread.sleep(50);
    }
    if (failure.isPresent()) {
      throw new TemporalStartException("external server " + target() + " is not serving: "
          + failure.get(), List.of(), List.of(), null);
    }
    return new StartResult(-1, port, true, Duration.ZERO, 0);
  }

  private Running spawnAndAwaitReady(int chosenPort, SpawnGate gate) throws InterruptedException {
    List<String> command =
        backend.command(new LaunchSpec(chosenPort, stateDir, namespace, persistent, options));
    portGuard.requireFree(chosenPort, Set.of(), null, command, List.of());
    Optional<Running> promoted = promoteStandby(chosenPort, gate);
    if (promoted.isPresent()) {
      return promoted.get();
    }
    Process process;
    try {
      process = gate.spawnIfOpen(() -> ProcessSpawner.spawn(command, stateDir, logFile));
    } catch (SpawnCancelledException | InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new TemporalStartException("cannot spawn the server: " + e, command, logTail(10), e);
    }
    return awaitReady(process, command, chosenPort);
  }

  /**
   * Promotes the waiting standby, if there is one, once the caller proved the port free: tells
   * it to bind inside the gate and waits until it serves. A standby that is gone or does not
   * serve is killed and counted; the caller then starts a server cold.
   */
  private Optional<Running> promoteStandby(int chosenPort, SpawnGate gate)
      throws InterruptedException {
    Optional<Standby.Candidate> candidate;
    try {
      candidate = gate.spawnIfOpen(() -> standby.promote(chosenPort));
    } catch (SpawnCancelledException | InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("promoting the standby failed unexpectedly", e);
    }
    if (candidate.isEmpty()) {
      return Optional.empty();
    }
    Process process = candidate.get().process();
    try {
      Running running = awaitReady(process, candidate.get().command(), chosenPort);
      standby.promoted();
      LOG.info("promoted standby pid {} to serve 127.0.0.1:{}", process.pid(), chosenPort);
      return Optional.of(running);
    } catch (TemporalStartException e) {
      standby.promotionFailed();
      LOG.warn("promoting standby pid {} failed; starting the server cold: {}", process.pid(),
          e.getMessage());
      return Optional.empty();
    }
  }

  private Running awaitReady(Process process, List<String> command, int chosenPort)
      throws InterruptedException {
    Instant spawnStart = process.toHandle().info().startInstant().orElse(Instant.EPOCH);
    AtomicBoolean expected = new AtomicBoolean();
    boolean ready = false;
    try {
      GrpcProbe readiness = probeFor(chosenPort);
      boolean registerViaApi = !(backend instanceof CliBackend);
      String notReady = "no answer yet";
      long deadline = System.nanoTime() + startupTimeout.toNanos();
      while (true) {
        if (!process.isAlive()) {
          int code = process.waitFor();
          List<String> tail = logTail(30);
          if (backend.exitedBecausePortInUse(code, tail)) {
            portGuard.requireFree(chosenPort, Set.of(), "another process", command, tail);
          }
          if (backend.exitedBecauseAuxiliaryPortInUse(code, tail)) {
            throw new AuxiliaryPortInUseException(code, command, tail);
          }
          throw new TemporalStartException("the server exited with code " + code
              + " before it was ready", command, tail, null);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TemporalStartException("the server was not ready within startupTimeout = "
              + startupTimeout + " (last: " + notReady + ")", command, logTail(30), null);
        }
        Duration wait = Duration.ofNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
        // Health, then the namespaces and search attributes: an in-memory server has them again
        // before anyone (the supervisor included) is told it is ready.
        Optional<String> failure = readiness.checkServing(wait).or(() -> NamespaceReadiness
            .check(readiness.channel(), namespace, options, registerViaApi, wait));
        if (failure.isEmpty()) {
          break;
        }
        notReady = failure.get();
        if (Thread.interrupted()) {
          throw new InterruptedException("interrupted while waiting for the server to be ready");
        }
        Thread.sleep(10);
      }
      ProcessIdentity identity = ProcessIdentity.of(process.toHandle())
          .filter(id -> id.startInstant().equals(spawnStart) || spawnStart == Instant.EPOCH)
          .orElseThrow(() -> new TemporalStartException(
              "the server answered but its process identity cannot be read", command,
              logTail(10), null));
      Running running = new Running(process, spawnStart, identity, chosenPort, expected);
      portGuard.requireFree(chosenPort, PortOwnership.treeOf(process.toHandle()), null, command,
          logTail(10));
      process.onExit().thenAccept(p -> notifyExit(running));
      ready = true;
      return running;
    } finally {
      if (!ready) {
        expected.set(true);
        killSpawned(process, spawnStart);
      }
    }
  }

  private void notifyExit(Running running) {
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

  /** Ends a server we judged unhealthy: KILL + CONT to its group, at once. */
  private void discard(Running running) {
    current = null;
    discarded = running.identity();
    terminate(running, false);
  }

  private void terminate(Running running, boolean graceful) {
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
  private void killSpawned(Process process, Instant spawnStart) {
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
  private void signalOwnGroup(Process process, Instant spawnStart, Signal signal) {
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

  private void probeLayer(List<HealthReport.LayerResult> layers, Duration timeout) {
    Optional<String> failure = probeFor(port).checkServing(timeout);
    layers.add(layer(HealthReport.Layer.PROTOCOL, failure.isEmpty(),
        failure.orElse("SERVING")));
  }

  private static HealthReport.LayerResult tcpConnect(int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port),
          (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
      return layer(HealthReport.Layer.TCP_CONNECT, true, "port " + port + " accepts");
    } catch (IOException e) {
      return layer(HealthReport.Layer.TCP_CONNECT, false, "port " + port + ": " + e.getMessage());
    }
  }

  private static HealthReport.LayerResult layer(HealthReport.Layer layer, boolean ok,
      String detail) {
    return new HealthReport.LayerResult(layer, ok, detail);
  }

  private static HealthReport report(Running running, List<HealthReport.LayerResult> layers) {
    return new HealthReport(Instant.now(), running == null ? -1 : running.identity().pid(),
        layers);
  }

  /** The probe for a port: one channel, kept across restarts, replaced if the port changes. */
  private GrpcProbe probeFor(int forPort) {
    synchronized (probeLock) {
      GrpcProbe p = probe;
      if (p != null && p.port() == forPort) {
        return p;
      }
      if (p != null) {
        p.close();
      }
      probe = new GrpcProbe(backend instanceof ExternalBackend ext ? ext.host() : "127.0.0.1",
          forPort);
      return probe;
    }
  }

  private void prepareStateDir() {
    try {
      if (!Files.isDirectory(stateDir)) {
        Files.createDirectories(stateDir, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create state dir " + stateDir, e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this TemporalManager is closed");
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.debug("cannot delete {}", p, e);
        }
      });
    } catch (IOException e) {
      LOG.debug("cannot delete {}", dir, e);
    }
  }

  /** Fills the standby pool if a refill put off after a promotion is due (supervisor ticks). */
  private void refillStandbys() {
    if (!standby.refillPending()) {
      return; // the usual tick: no lock taken
    }
    synchronized (lifecycle) {
      if (current == null || closed) {
        return;
      }
      try {
        standby.refillIfDue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Adapts this manager to what the supervisor needs. */
  private final class ManagedServer implements SupervisedServer {
    @Override
    public String describe() {
      return backend.name() + " 127.0.0.1:" + port;
    }

    @Override
    public HealthReport check(ProbeDepth depth, Duration timeout) {
      HealthReport report = health(depth, timeout);
      if (report.healthy()) {
        refillStandbys();
      }
      return report;
    }

    @Override
    public StartResult restart(SpawnGate gate) throws Exception {
      return start(gate, RESTART_REUSE_CHECK);
    }

    @Override
    public SupervisorEvents.Registration onExit(Consumer<ServerExit> listener) {
      return onServerExit(listener);
    }

    @Override
    public long pid() {
      return TemporalManager.this.pid();
    }

    @Override
    public boolean restartable() {
      return backend.ownsProcess();
    }

    @Override
    public List<String> logTail(int lines) {
      return TemporalManager.this.logTail(lines);
    }
  }

  /**
   * Builds a {@link TemporalManager}; {@link #build()} validates every setting and names the
   * bad one before anything starts.
   */
  public static final class Builder {
    private BackendKind backendKind = BackendKind.AUTO;
    private ServerBackend backend;
    private Path cliPath;
    private String target;
    private int port;
    private Path stateDir;
    private String namespace = "default";
    private Duration startupTimeout = Duration.ofSeconds(60);
    private Duration stopGracePeriod = Duration.ofSeconds(5);
    private boolean persistent;
    private boolean fastStart = true;
    private final ServerSetup setup = new ServerSetup();
    private Path tempRoot;
    private StandbyMode standbyMode = StandbyMode.OFF;
    private Integer standbyCount;

    private Builder() {}

    /** Where a temporary state dir goes instead of {@code java.io.tmpdir} (tests). */
    Builder tempRoot(Path root) {
      this.tempRoot = root;
      return this;
    }

    /**
     * Whether a warm standby server waits to replace the running one; default
     * {@link StandbyMode#OFF}. A standby is a second server JVM (its resident memory is about
     * that of an idle server), so it is opt-in. Only the embedded backend supports it.
     */
    public Builder standby(StandbyMode mode) {
      this.standbyMode = Objects.requireNonNull(mode, "standby");
      return this;
    }

    /**
     * How many warm standbys wait at once, 1 to 8; default 1 when {@link #standby} is not
     * {@link StandbyMode#OFF}. A promotion takes a warm one at once and the pool fills up again
     * in the background, so more standbys serve kills in quick succession; each is another
     * server JVM (~85 MiB resident).
     */
    public Builder standbyCount(int count) {
      this.standbyCount = count;
      return this;
    }

    /** Chooses the kind of server; AUTO (the default) prefers an installed CLI. */
    public Builder backend(BackendKind kind) {
      this.backendKind = Objects.requireNonNull(kind, "backend");
      return this;
    }

    /** Uses a ready-made backend instead of a kind. */
    public Builder backend(ServerBackend backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /** The Temporal CLI binary for the CLI backend (else it is discovered). */
    public Builder cliPath(Path cliPath) {
      this.cliPath = cliPath;
      return this;
    }

    /** {@code host:port} of an external server (EXTERNAL backend). */
    public Builder target(String target) {
      this.target = target;
      return this;
    }

    /** The port, 0-65535; 0 (the default) picks a free one and retries on collisions. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The state dir (lock, pid file, log, database); default a fresh private temp dir. */
    public Builder stateDir(Path stateDir) {
      this.stateDir = stateDir;
      return this;
    }

    /** The namespace clients use; default {@code default}. */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /** How long a start may take until gRPC health answers SERVING; default 60 s. */
    public Builder startupTimeout(Duration timeout) {
      this.startupTimeout = timeout;
      return this;
    }

    /** How long stop waits after TERM before KILL; default 5 s. */
    public Builder stopGracePeriod(Duration grace) {
      this.stopGracePeriod = grace;
      return this;
    }

    /** Whether the CLI server keeps its database in the state dir; default in memory. */
    public Builder persistent(boolean persistent) {
      this.persistent = persistent;
      return this;
    }

    /** Whether the embedded server uses the fast-start JVM flags and archive; default true. */
    public Builder fastStart(boolean fastStart) {
      this.fastStart = fastStart;
      return this;
    }

    // ---- server set-up, like the official launchers; checked against the backend in build()

    /**
     * Whether the embedded test server may skip time while no workflow code runs; default false
     * (real time, on every backend). Only the embedded backend can; with AUTO it picks embedded.
     */
    public Builder timeSkipping(boolean timeSkipping) {
      setup.timeSkipping = timeSkipping;
      return this;
    }

    /** Namespaces that must exist besides {@link #namespace(String)}; replaces earlier ones. */
    public Builder namespaces(Collection<String> namespaces) {
      ServerSetup.replace(setup.namespaces, namespaces, "namespaces");
      return this;
    }

    /**
     * Custom search attributes registered at every start, as {@code NAME=TYPE} (e.g.
     * {@code CustomerId=Keyword}; types as {@link SearchAttributeType}); replaces earlier ones.
     */
    public Builder searchAttributes(Collection<String> nameEqualsType) {
      ServerSetup.replace(setup.searchAttributes, nameEqualsType, "searchAttributes");
      return this;
    }

    /** Adds one custom search attribute registered at every start. */
    public Builder searchAttribute(String name, SearchAttributeType type) {
      setup.searchAttributes.add(name + "=" + Objects.requireNonNull(type, "type").cliName());
      return this;
    }

    /**
     * Dynamic config values as {@code KEY=VALUE}, the value JSON (CLI backend only; passed as
     * {@code --dynamic-config-value}); replaces earlier ones.
     */
    public Builder dynamicConfig(Collection<String> keyEqualsValue) {
      ServerSetup.replace(setup.dynamicConfig, keyEqualsValue, "dynamicConfig");
      return this;
    }

    /** Arguments appended to the server's command line (CLI backend only); replaces earlier. */
    public Builder extraArgs(Collection<String> args) {
      ServerSetup.replace(setup.extraArgs, args, "extraArgs");
      return this;
    }

    /** The Web UI's port on 127.0.0.1 (CLI backend only); default 0: no UI (headless). */
    public Builder uiPort(int uiPort) {
      setup.uiPort = uiPort;
      return this;
    }

    /** The server's log level: debug, info, warn (the default) or error. */
    public Builder logLevel(String logLevel) {
      setup.logLevel = logLevel;
      return this;
    }

    /**
     * Validates the settings and creates the manager; starts nothing.
     *
     * @throws IllegalArgumentException naming the setting, its value and what is accepted
     */
    public TemporalManager build() {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port = " + port + "; accepted: 0-65535 (0 picks a "
            + "free port)");
      }
      positive("startupTimeout", startupTimeout);
      positive("stopGracePeriod", stopGracePeriod);
      if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
        throw new IllegalArgumentException("namespace = '" + namespace + "'; accepted: 1-255 "
            + "letters, digits, '.', '_' or '-', starting with a letter or digit");
      }
      if (cliPath != null && (!Files.isRegularFile(cliPath) || !Files.isExecutable(cliPath))) {
        throw new IllegalArgumentException("cliPath = '" + cliPath + "' is not an executable "
            + "file; accepted: the path of a Temporal CLI binary");
      }
      if (target != null && backend == null && backendKind != BackendKind.EXTERNAL) {
        throw new IllegalArgumentException("target = '" + target + "' is only used with backend "
            + "= external; accepted: no target, or backend(BackendKind.EXTERNAL)");
      }
      HostRequirements.check(backend != null ? backend.ownsProcess()
          : backendKind != BackendKind.EXTERNAL);
      boolean owns = stateDir == null;
      Path dir = stateDir;
      if (dir != null) {
        checkStateDir(dir);
      }
      BackendKind kind = backendKind == BackendKind.AUTO && setup.timeSkipping
          ? BackendKind.EMBEDDED : backendKind; // only the embedded server can skip time
      ServerBackend chosen = backend != null ? backend
          : BackendDiscovery.resolve(kind, cliPath, target, fastStart);
      ServerOptions serverOptions = setup.resolve(chosen, namespace);
      if (standbyCount != null && (standbyCount < 1 || standbyCount > Standby.MAX_COUNT)) {
        throw new IllegalArgumentException("standbyCount = " + standbyCount + " is out of range; "
            + "accepted: 1-" + Standby.MAX_COUNT);
      }
      if (standbyCount != null && standbyMode == StandbyMode.OFF) {
        throw new IllegalArgumentException("standbyCount = " + standbyCount + " needs a standby, "
            + "but standby = off; accepted: standby = on or after-first-restart with it, or no "
            + "standbyCount");
      }
      if (standbyMode != StandbyMode.OFF && !chosen.supportsStandby()) {
        throw new IllegalArgumentException("standby = " + standbyMode.settingName() + ", but the "
            + chosen.name() + " backend cannot start a server without binding its port; "
            + "accepted with this backend: off (or use backend = embedded)");
      }
      if (dir == null) {
        dir = createTempStateDir(tempRoot);
      }
      return new TemporalManager(this, chosen, dir.toAbsolutePath().normalize(), owns,
          serverOptions);
    }

    /**
     * Creates a fresh private state dir under {@code java.io.tmpdir} (or the test root), after
     * sweeping the ones that hosts which are gone left there.
     */
    private static Path createTempStateDir(Path testRoot) {
      String property = System.getProperty("java.io.tmpdir");
      Path root = testRoot != null ? testRoot
          : Path.of(property == null || property.isBlank() ? "/tmp" : property);
      if (!Files.isDirectory(root) || !Files.isWritable(root)) {
        String what = !Files.exists(root) ? "does not exist"
            : !Files.isDirectory(root) ? "is a regular file, not a directory" : "is not writable";
        throw new IllegalArgumentException("java.io.tmpdir = '" + root + "' " + what
            + "; accepted: a writable directory for the temporary state dir (-Djava.io.tmpdir), "
            + "or set stateDir");
      }
      StaleStateDirs.sweep(root);
      try {
        Path dir = Files.createTempDirectory(root, StaleStateDirs.PREFIX, PosixFilePermissions
            .asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        StaleStateDirs.markOwned(dir);
        return dir;
      } catch (IOException e) {
        throw new IllegalArgumentException("java.io.tmpdir = '" + root + "': cannot create a "
            + "temporary state dir there (" + e + "); accepted: a writable directory, or set "
            + "stateDir", e);
      }
    }

    private static void checkStateDir(Path dir) {
      Path existing = dir.toAbsolutePath();
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing != null && !Files.isDirectory(existing)) {
        throw new IllegalArgumentException("stateDir = '" + dir + "' "
            + (existing.equals(dir.toAbsolutePath()) ? "is a regular file"
                : "is under a regular file (" + existing + ")")
            + "; accepted: a writable directory, or one that can be created");
      }
      if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
        throw new IllegalArgumentException("stateDir = '" + dir + "' is not a writable directory"
            + (existing != null && !existing.equals(dir.toAbsolutePath())
                ? " (" + existing + " is not writable)" : "")
            + "; accepted: a writable directory, or one that can be created");
      }
    }

    private static void positive(String setting, Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(
            setting + " = " + value + "; accepted: a positive duration");
      }
    }
  }
}
