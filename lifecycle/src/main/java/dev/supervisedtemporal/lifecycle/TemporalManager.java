package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.STABLE;

import dev.supervisedtemporal.lifecycle.backend.BackendDiscovery;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.backend.ExternalBackend;
import dev.supervisedtemporal.lifecycle.backend.SearchAttributeType;
import dev.supervisedtemporal.lifecycle.backend.ServerBackend;
import dev.supervisedtemporal.lifecycle.backend.ServerOptions;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.ProcessSpawner;
import dev.supervisedtemporal.lifecycle.process.Signal;
import dev.supervisedtemporal.lifecycle.process.SignalRefusedException;
import dev.supervisedtemporal.lifecycle.settings.InvalidSettingException;
import dev.supervisedtemporal.lifecycle.state.PidFile;
import dev.supervisedtemporal.lifecycle.state.StateDirLock;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apiguardian.api.API;
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
 * and deletes a state dir the manager created. A JVM shutdown hook ({@link ShutdownRegistry})
 * closes every open manager: supervisors first, then servers, then files.
 *
 * <p>This class is the facade; the work is done by package-private parts with one job each:
 * {@link ServerProcess} (spawn, readiness, stop), {@link ServerSignals} (signalling our verified
 * process group), {@link LayeredHealth} with its {@link ProbeCache}, {@link StateDir} (lock, pid
 * file, log), {@link Supervision} (the supervisor and exit fan-out) and {@link SettingChecks}.
 */
@API(status = STABLE, since = "0.1.0")
public final class TemporalManager implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TemporalManager.class);

  private final ServerBackend backend;
  private final String namespace;
  private final boolean persistent;
  private final ServerOptions options;
  private final StateDir stateDir;
  private final ProbeCache probes;
  private final Standby standby;
  private final ServerProcess server;
  private final LayeredHealth health;
  private final Supervision supervision = new Supervision();
  private final Object lifecycle = new Object();
  private final List<ShutdownRegistry.Entry> atShutdown;
  private volatile boolean closed;

  private TemporalManager(Builder b, ServerBackend backend, Path dir, boolean ownsStateDir,
      ServerOptions options) {
    this.backend = backend;
    this.options = options;
    this.namespace = b.namespace;
    this.persistent = b.persistent;
    this.stateDir = new StateDir(dir, ownsStateDir, "TemporalManager@" + Integer.toHexString(
        System.identityHashCode(this)) + " (pid " + ProcessHandle.current().pid() + ")");
    this.probes = new ProbeCache(backend instanceof ExternalBackend ext ? ext.host()
        : "127.0.0.1");
    this.standby = new Standby(backend, b.standbyMode,
        b.standbyCount == null ? 1 : b.standbyCount, dir, stateDir.logFile());
    PortGuard portGuard = new PortGuard();
    this.server = new ServerProcess(backend,
        backend instanceof ExternalBackend ext ? ext.port() : b.port, stateDir, namespace,
        persistent, options, b.startupTimeout, standby, probes, portGuard,
        new ServerSignals(b.stopGracePeriod), supervision::serverExited);
    this.health = new LayeredHealth(backend.ownsProcess(), server, stateDir, probes, portGuard);
    String name = toString();
    this.atShutdown = List.of(
        ShutdownRegistry.register(ShutdownRegistry.Phase.STOP_SUPERVISORS, name,
            this::stopSupervisor),
        ShutdownRegistry.register(ShutdownRegistry.Phase.STOP_SERVERS, name, this::stopServers),
        ShutdownRegistry.register(ShutdownRegistry.Phase.RELEASE_FILES, name, this::close));
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
        return server.awaitExternal(target());
      }
      RunningServer running = server.current();
      if (running != null) {
        HealthReport report = health(ProbeDepth.FULL, reuseCheckTimeout);
        if (report.healthy()) {
          standby.refillIfDue();
          return new StartResult(running.identity().pid(), running.port(), true, Duration.ZERO, 0);
        }
        LOG.info("replacing unhealthy server {}: {}", running.identity().pid(), report.summary());
        server.discard(running);
      }
      return server.startNew(gate, running != null);
    }
  }

  /**
   * Stops the supervisor (if any), then the server: TERM + CONT to its process group, the grace
   * period, then KILL; removes the pid file and releases the lock. Idempotent.
   */
  public void stop() {
    stopSupervisor();
    synchronized (lifecycle) {
      stopServersLocked();
      stateDir.release();
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
      probes.close();
      atShutdown.forEach(ShutdownRegistry.Entry::close);
      stateDir.deleteIfOwned();
    }
  }

  /** The servers' part of a JVM shutdown: the standbys and the server, files left for later. */
  private void stopServers() {
    synchronized (lifecycle) {
      stopServersLocked();
    }
  }

  private void stopServersLocked() {
    standby.stop();
    server.stop();
  }

  // ---------------------------------------------------------------- supervision

  /**
   * Puts a supervisor on this server and starts it; returns the running one if there is one.
   * A policy that names a {@link SupervisorPolicy#standby() standby} gives it to a manager
   * built without one (with {@link StandbyMode#ON} the pool fills in the background).
   *
   * @throws InvalidSettingException before anything starts, when the policy's standby differs
   *     from the one this manager was built with, or this backend cannot keep a standby
   */
  public Supervisor startSupervisor(SupervisorPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    ensureOpen();
    if (policy.standby().isPresent()) {
      StandbyMode mode = policy.standby().get();
      SettingChecks.checkPolicyStandby(mode, backend);
      synchronized (lifecycle) {
        standby.adopt(mode, policy.standbyCount());
      }
    }
    return supervision.start(new ManagedServer(this), policy,
        "supervised-temporal-supervisor-" + backend.name() + "-" + port());
  }

  /** Stops the supervisor, if there is one; no restart happens after this returns. */
  public void stopSupervisor() {
    supervision.stop();
  }

  /** The running supervisor, if any. */
  public Optional<Supervisor> supervisor() {
    return supervision.current();
  }

  /** The event log every supervisor of this manager writes to. */
  public SupervisorEvents events() {
    return supervision.events();
  }

  /** Calls the listener whenever a server process this manager started exits. */
  public SupervisorEvents.Registration onServerExit(Consumer<ServerExit> listener) {
    return supervision.onServerExit(listener);
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
    return ReconnectOnRestart.enrol(events(), channel);
  }

  /** Fills the standby pool if a refill put off after a promotion is due (supervisor ticks). */
  void refillStandbys() {
    if (!standby.refillPending()) {
      return; // the usual tick: no lock taken
    }
    synchronized (lifecycle) {
      if (server.current() == null || closed) {
        return;
      }
      try {
        standby.refillIfDue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
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
    return health.check(depth, timeout);
  }

  /** Whether a {@code GetSystemInfo} call succeeds within the timeout: a real client RPC. */
  public boolean answersRpc(Duration timeout) {
    return probes.answersRpc(timeout);
  }

  // ---------------------------------------------------------------- accessors

  /** The server's pid, or -1 when none runs (or for an external server). */
  public long pid() {
    RunningServer running = server.current();
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
    return Optional.ofNullable(server.current()).map(RunningServer::identity);
  }

  /** The port: the requested one, or the one picked at the first start; 0 before that. */
  public int port() {
    return server.port();
  }

  /** {@code 127.0.0.1:PORT}, the address clients use; stable across restarts. */
  public String target() {
    if (backend instanceof ExternalBackend ext) {
      return ext.host() + ":" + ext.port();
    }
    if (port() == 0) {
      throw new IllegalStateException("no port yet: call start() first");
    }
    return "127.0.0.1:" + port();
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
    return stateDir.path();
  }

  /** The pid file. */
  public Path pidFile() {
    return stateDir.pidFilePath();
  }

  /** The lock file. */
  public Path lockFile() {
    return stateDir.lockFile();
  }

  /** The server's log file (stdout and stderr, appended across restarts). */
  public Path logFile() {
    return stateDir.logFile();
  }

  /** Whether this manager holds its state dir's lock. */
  public boolean holdsLock() {
    return stateDir.holdsLock();
  }

  /** The most recent start that spawned a server, if any. */
  public Optional<StartResult> lastStart() {
    return server.lastStart();
  }

  /** What the most recent start found and cleaned in the state dir (stale pid files, orphans). */
  public List<String> staleStateNotes() {
    return server.staleStateNotes();
  }

  /** The last {@code lines} lines of the server log. */
  public List<String> logTail(int lines) {
    return stateDir.logTail(lines);
  }

  @Override
  public String toString() {
    return "TemporalManager[" + backend.name() + " 127.0.0.1:" + port() + ", state "
        + stateDir.path() + ", pid " + pid() + "]";
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this TemporalManager is closed");
    }
  }

  /**
   * Builds a {@link TemporalManager}; {@link #build()} validates every setting and names the
   * bad one before anything starts.
   */
  @API(status = STABLE, since = "0.1.0")
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
     * @throws InvalidSettingException naming the setting, its value and what is accepted
     * @throws IllegalArgumentException when the state dir or the temporary directory cannot be
     *     used
     */
    public TemporalManager build() {
      SettingChecks.checkBasics(port, startupTimeout, stopGracePeriod, namespace, cliPath, target,
          backend != null, backendKind);
      HostRequirements.check(backend != null ? backend.ownsProcess()
          : backendKind != BackendKind.EXTERNAL);
      boolean owns = stateDir == null;
      Path dir = stateDir;
      if (dir != null) {
        SettingChecks.checkStateDir(dir);
      }
      BackendKind kind = backendKind == BackendKind.AUTO && setup.timeSkipping
          ? BackendKind.EMBEDDED : backendKind; // only the embedded server can skip time
      ServerBackend chosen = backend != null ? backend
          : BackendDiscovery.resolve(kind, cliPath, target, fastStart);
      ServerOptions serverOptions = setup.resolve(chosen, namespace);
      SettingChecks.checkStandby(standbyMode, standbyCount, chosen);
      if (dir == null) {
        dir = SettingChecks.createTempStateDir(tempRoot);
      }
      return new TemporalManager(this, chosen, dir.toAbsolutePath().normalize(), owns,
          serverOptions);
    }
  }
}
