package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.CliBackend;
import dev.supervisedtemporal.lifecycle.backend.ExternalBackend;
import dev.supervisedtemporal.lifecycle.backend.FreePorts;
import dev.supervisedtemporal.lifecycle.backend.LaunchSpec;
import dev.supervisedtemporal.lifecycle.backend.ServerBackend;
import dev.supervisedtemporal.lifecycle.backend.ServerOptions;
import dev.supervisedtemporal.lifecycle.process.PortOwnership;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.ProcessSpawner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server process of a manager: spawns it (or promotes a warm standby) on a free port in its
 * own process group, waits until it serves with its namespaces and search attributes, records
 * it in the pid file, and stops it again. Not thread-safe: the manager calls it under its
 * lifecycle lock; {@link #current()} may be read from any thread.
 */
final class ServerProcess {

  /** Under the facade's name: users configure and read the manager's log lines as one. */
  private static final Logger LOG = LoggerFactory.getLogger(TemporalManager.class);
  private static final int PORT_ATTEMPTS = 5;

  private final ServerBackend backend;
  private final int requestedPort;
  private final StateDir stateDir;
  private final String namespace;
  private final boolean persistent;
  private final ServerOptions options;
  private final Duration startupTimeout;
  private final Standby standby;
  private final ProbeCache probes;
  private final PortGuard portGuard;
  private final ServerSignals signals;
  private final Consumer<RunningServer> onExit;

  private volatile RunningServer current;
  private volatile int port;
  private volatile StartResult lastStart;
  private volatile List<String> staleStateNotes = List.of();
  private volatile ProcessIdentity discarded;

  /** @param onExit called (on a JDK thread) when a server this started exits */
  ServerProcess(ServerBackend backend, int requestedPort, StateDir stateDir, String namespace,
      boolean persistent, ServerOptions options, Duration startupTimeout, Standby standby,
      ProbeCache probes, PortGuard portGuard, ServerSignals signals,
      Consumer<RunningServer> onExit) {
    this.backend = backend;
    this.requestedPort = requestedPort;
    this.port = backend instanceof ExternalBackend ? requestedPort : 0;
    this.stateDir = stateDir;
    this.namespace = namespace;
    this.persistent = persistent;
    this.options = options;
    this.startupTimeout = startupTimeout;
    this.standby = standby;
    this.probes = probes;
    this.portGuard = portGuard;
    this.signals = signals;
    this.onExit = onExit;
  }

  RunningServer current() {
    return current;
  }

  int port() {
    return port;
  }

  Optional<StartResult> lastStart() {
    return Optional.ofNullable(lastStart);
  }

  List<String> staleStateNotes() {
    return staleStateNotes;
  }

  /**
   * Takes the state dir, cleans what is stale, and starts a server: a promoted standby or a cold
   * spawn; a port picked here that someone takes before the server binds it is picked again.
   *
   * @param replacing whether a server of this manager was just discarded
   */
  StartResult startNew(SpawnGate gate, boolean replacing) throws InterruptedException {
    staleStateNotes = stateDir.acquire(discarded);
    backend.prepare();
    for (int attempt = 1; ; attempt++) {
      int chosen = port != 0 ? port : requestedPort != 0 ? requestedPort : FreePorts.pick();
      try {
        long began = System.nanoTime();
        RunningServer started = spawnAndAwaitReady(chosen, gate);
        Duration spawnToReady = Duration.ofNanos(System.nanoTime() - began);
        current = started;
        port = chosen;
        stateDir.recordServer(started.identity(), chosen);
        StartResult result =
            new StartResult(started.identity().pid(), chosen, false, spawnToReady, attempt);
        lastStart = result;
        LOG.info("{} server pid {} ready on 127.0.0.1:{} in {} ms", backend.name(),
            result.pid(), chosen, spawnToReady.toMillis());
        standby.afterStart(gate, new LaunchSpec(chosen, stateDir.path(), namespace, persistent),
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

  /** Waits (until the startup timeout) for an external server to serve; spawns nothing. */
  StartResult awaitExternal(String target) throws InterruptedException {
    GrpcProbe external = probes.forPort(port);
    // A server that is still coming up (refusing connections) gets until startupTimeout.
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    try {
      Await.until("external server " + target + " to serve").atMost(startupTimeout)
          .pollInterval(Duration.ofMillis(50)).until(() -> {
            Duration wait = probeWait(deadline, TimeUnit.SECONDS.toNanos(2));
            return external.checkServing(wait).or(() ->
                NamespaceReadiness.check(external.channel(), namespace, options, false, wait))
                .orElse("");
          }, String::isEmpty);
    } catch (AwaitTimeoutException e) {
      throw new TemporalStartException("external server " + target + " is not serving: "
          + e.lastObserved(), List.of(), List.of(), null);
    } catch (CancellationException e) {
      throw interrupted(e);
    }
    return new StartResult(-1, port, true, Duration.ZERO, 0);
  }

  /** Ends a server we judged unhealthy, at once (KILL + CONT to its group). */
  void discard(RunningServer running) {
    current = null;
    discarded = running.identity();
    signals.terminate(running, false);
  }

  /** Stops the running server, if any: TERM + CONT, the grace period, then KILL. */
  void stop() {
    RunningServer running = current;
    current = null;
    if (running != null) {
      signals.terminate(running, true);
    }
  }

  private RunningServer spawnAndAwaitReady(int chosenPort, SpawnGate gate)
      throws InterruptedException {
    List<String> command = backend.command(
        new LaunchSpec(chosenPort, stateDir.path(), namespace, persistent, options));
    portGuard.requireFree(chosenPort, Set.of(), null, command, List.of());
    Optional<RunningServer> promoted = promoteStandby(chosenPort, gate);
    if (promoted.isPresent()) {
      return promoted.get();
    }
    Process process;
    try {
      process = gate.spawnIfOpen(
          () -> ProcessSpawner.spawn(command, stateDir.path(), stateDir.logFile()));
    } catch (SpawnCancelledException | InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new TemporalStartException("cannot spawn the server: " + e, command,
          stateDir.logTail(10), e);
    }
    return awaitReady(process, command, chosenPort);
  }

  /**
   * Promotes a waiting standby, if there is one, once the caller proved the port free: tells it
   * to bind inside the gate and waits until it serves. A standby that is gone or does not serve
   * is killed and counted, and the next waiting one is tried; only when none serves does the
   * caller start a server cold. (A standby killed a moment ago can still look alive to the JDK
   * until its exit is reaped, so it may fail only here, at its promotion.)
   */
  private Optional<RunningServer> promoteStandby(int chosenPort, SpawnGate gate)
      throws InterruptedException {
    while (true) {
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
        RunningServer running = awaitReady(process, candidate.get().command(), chosenPort);
        standby.promoted();
        LOG.info("promoted standby pid {} to serve 127.0.0.1:{}", process.pid(), chosenPort);
        return Optional.of(running);
      } catch (TemporalStartException e) {
        standby.promotionFailed();
        LOG.warn("promoting standby pid {} failed; trying the next standby or starting the "
            + "server cold: {}", process.pid(), e.getMessage());
      }
    }
  }

  /**
   * Waits until a process we spawned serves (health, then namespaces and search attributes),
   * and verifies it owns its port; kills it on every other way out.
   */
  private RunningServer awaitReady(Process process, List<String> command, int chosenPort)
      throws InterruptedException {
    Instant spawnStart = process.toHandle().info().startInstant().orElse(Instant.EPOCH);
    AtomicBoolean expected = new AtomicBoolean();
    boolean ready = false;
    try {
      GrpcProbe readiness = probes.forPort(chosenPort);
      boolean registerViaApi = !(backend instanceof CliBackend);
      long deadline = System.nanoTime() + startupTimeout.toNanos();
      try {
        Await.until("the server to be ready").atMost(startupTimeout)
            .pollInterval(Duration.ofMillis(10)).until(() -> {
              if (!process.isAlive()) {
                throw exitedBeforeReady(process.exitValue(), command, chosenPort);
              }
              Duration wait = probeWait(deadline, TimeUnit.SECONDS.toNanos(1));
              // Health, then the namespaces and search attributes: an in-memory server has them
              // again before anyone (the supervisor included) is told it is ready.
              return readiness.checkServing(wait).or(() -> NamespaceReadiness
                  .check(readiness.channel(), namespace, options, registerViaApi, wait))
                  .orElse("");
            }, String::isEmpty);
      } catch (AwaitTimeoutException e) {
        throw new TemporalStartException("the server was not ready within startupTimeout = "
            + startupTimeout + " (last: " + e.lastObserved() + ")", command,
            stateDir.logTail(30), null);
      } catch (CancellationException e) {
        throw interrupted(e);
      }
      ProcessIdentity identity = ProcessIdentity.of(process.toHandle())
          .filter(id -> id.startInstant().equals(spawnStart) || spawnStart == Instant.EPOCH)
          .orElseThrow(() -> new TemporalStartException(
              "the server answered but its process identity cannot be read", command,
              stateDir.logTail(10), null));
      RunningServer running =
          new RunningServer(process, spawnStart, identity, chosenPort, expected);
      portGuard.requireFree(chosenPort, PortOwnership.treeOf(process.toHandle()), null, command,
          stateDir.logTail(10));
      process.onExit().thenAccept(p -> onExit.accept(running));
      ready = true;
      return running;
    } finally {
      if (!ready) {
        expected.set(true);
        signals.killSpawned(process, spawnStart);
      }
    }
  }

  /** Why a server exited before it was ready: its port, another port of it, or anything else. */
  private TemporalStartException exitedBeforeReady(int code, List<String> command,
      int chosenPort) {
    List<String> tail = stateDir.logTail(30);
    if (backend.exitedBecausePortInUse(code, tail)) {
      portGuard.requireFree(chosenPort, Set.of(), "another process", command, tail);
    }
    if (backend.exitedBecauseAuxiliaryPortInUse(code, tail)) {
      return new AuxiliaryPortInUseException(code, command, tail);
    }
    return new TemporalStartException("the server exited with code " + code
        + " before it was ready", command, tail, null);
  }

  /** One probe's deadline: what is left of the wait, at most {@code capNanos}, at least 1 ns. */
  private static Duration probeWait(long deadline, long capNanos) {
    return Duration.ofNanos(Math.max(1, Math.min(deadline - System.nanoTime(), capNanos)));
  }

  /** An interrupted wait, as the InterruptedException callers of a start expect. */
  private static InterruptedException interrupted(CancellationException e) {
    Thread.interrupted(); // the flag is carried by the exception from here on
    InterruptedException i = new InterruptedException(e.getMessage());
    i.initCause(e);
    return i;
  }
}
