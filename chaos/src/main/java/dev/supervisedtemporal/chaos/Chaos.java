package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.apiguardian.api.API;

/**
 * Injects real OS-level faults into the server a {@link TemporalManager} started, and always
 * undoes them.
 *
 * <p>Every signal goes to the server's process group only after its pid, start time and
 * command line all match what the manager started ({@link FaultRefusedException} otherwise).
 * Each fault's undo is registered before the fault is injected, and runs when the returned
 * {@link Fault} is closed, when this object is closed, and in a JVM shutdown hook. Helper
 * processes (port thief, decoy, lock holder) are spawned in their own process group with a
 * parent-death signal and watch their parent JVM, so they never outlive it. Every injected,
 * healed or refused fault is a {@link ChaosEvent} in {@link #events()}.
 *
 * <p>{@link #close()} heals every open fault and leaves this object usable, so one instance can
 * serve a whole test class. Methods are thread-safe; faults are injected one at a time.
 *
 * <pre>{@code
 * try (Chaos chaos = Chaos.on(manager)) {
 *   chaos.kill();
 *   try (Fault pause = chaos.suspend()) { ... }
 *   try (Fault thief = chaos.stealPort()) { long pid = thief.thiefPid(); ... }
 * }
 * }</pre>
 *
 * <p>A facade: each fault family is its own class (signals, port, state dir, stop race,
 * recovery), and one registry of open faults holds every undo.
 */
@API(status = STABLE)
public final class Chaos implements AutoCloseable {

  /** The name of the JVM-wide daemon thread that ends {@link #hangFor} faults. */
  public static final String TIMER_THREAD_NAME = "supervised-temporal-chaos-timer";

  private static final Duration DEFAULT_SETTLE = Duration.ofSeconds(1);

  private final TemporalManager manager;
  private final ChaosEvents events;
  private final FaultRegistry registry;
  private final SignalFaults signals;
  private final PortFaults ports;
  private final StateDirFaults stateDir;
  private final StopRaces stopRaces;
  private final RecoveryWatch recovery;

  private Chaos(TemporalManager manager, ChaosEvents events) {
    this.manager = Objects.requireNonNull(manager, "manager");
    this.events = Objects.requireNonNull(events, "events");
    this.registry = new FaultRegistry(manager, events);
    this.signals = new SignalFaults(manager, registry);
    this.ports = new PortFaults(manager, registry);
    this.stateDir = new StateDirFaults(manager, registry);
    this.stopRaces = new StopRaces(manager, registry);
    this.recovery = new RecoveryWatch(manager, events);
  }

  /** Chaos for the manager's server, with a fresh event log. */
  public static Chaos on(TemporalManager manager) {
    return new Chaos(manager, new ChaosEvents());
  }

  /** Chaos for the manager's server, recording into the given event log. */
  public static Chaos on(TemporalManager manager, ChaosEvents events) {
    return new Chaos(manager, events);
  }

  /** The manager whose server this chaos targets. */
  public TemporalManager manager() {
    return manager;
  }

  /** The log of injected, healed and refused faults and recovered RPCs. */
  public ChaosEvents events() {
    return events;
  }

  /** The faults not healed yet, oldest first. */
  public List<Fault> openFaults() {
    return registry.open();
  }

  // ---------------------------------------------------------------- signals

  /** Sends SIGKILL (+ SIGCONT) to the server's process group. Nothing to undo. */
  public synchronized Fault kill() {
    return signals.kill();
  }

  /** Sends SIGTERM + SIGCONT to the server's process group. Nothing to undo. */
  public synchronized Fault terminate() {
    return signals.terminate();
  }

  /**
   * Sends SIGSTOP to the server's process group and returns once it is stopped; closing the
   * returned fault (or {@link #resume()}) sends SIGCONT.
   */
  public synchronized Fault suspend() {
    return signals.suspend();
  }

  /** Resumes (SIGCONT) every open suspend or hang; returns how many were healed. */
  public synchronized int resume() {
    return signals.resume();
  }

  /**
   * Suspends the server's process group (SIGSTOP) and returns at once; SIGCONT follows after
   * the duration on a timer thread, or earlier when the returned fault is closed.
   */
  public synchronized Fault hangFor(Duration duration) {
    return signals.hangFor(duration);
  }

  // ---------------------------------------------------------------- port

  /**
   * Kills the server, waits for it to exit, and has a helper process bind its port on
   * 127.0.0.1 before a restart can; returns once the port is held. Closing the returned fault
   * kills the thief ({@link Fault#thiefPid()}) and so releases the port.
   */
  public synchronized Fault stealPort() {
    return ports.stealPort();
  }

  // ---------------------------------------------------------------- state dir

  /** Overwrites the pid file with garbage; healing restores it if chaos's bytes are still there. */
  public synchronized Fault corruptPidFile() {
    return stateDir.corruptPidFile();
  }

  /** Deletes the pid file; healing restores it if it is still absent and the server still runs. */
  public synchronized Fault deletePidFile() {
    return stateDir.deletePidFile();
  }

  /**
   * The pid-reuse case: starts a live decoy process ({@code sleep}) and writes a pid file that
   * names the decoy's pid with the server's start time and command line. Healing restores the
   * pid file (if chaos's content is still there) and kills and reaps the decoy
   * ({@link Fault#helperPid()}).
   */
  public synchronized Fault pidFileNamingForeignProcess() {
    return stateDir.pidFileNamingForeignProcess();
  }

  /**
   * Has a helper process take the state dir's lock (as another manager would), so the next
   * {@code start()} finds it locked; healing kills the holder, which releases the lock.
   * Refused while the manager itself holds the lock (that is, while it runs a server): a lock
   * held elsewhere only matters to a start, so stop the manager first.
   */
  public synchronized Fault holdLockFromAnotherProcess() {
    return stateDir.holdLockFromAnotherProcess();
  }

  // ---------------------------------------------------------------- shutdown race

  /** {@link #killDuringStop(Duration)} with a 1 s settle period. */
  public StopRace killDuringStop() {
    return killDuringStop(DEFAULT_SETTLE);
  }

  /**
   * The shutdown race: stops the manager's supervisor on another thread and, as soon as the
   * stop has begun, kills the server's process group; then watches for the settle period and
   * reports whether any restart began or a new server appeared after the stop began. The
   * supervisor stays stopped afterwards.
   */
  public synchronized StopRace killDuringStop(Duration settle) {
    return stopRaces.killDuringStop(settle);
  }

  // ---------------------------------------------------------------- recovery

  /** Asks a user's own client, created before the faults and kept, whether it answers. */
  @FunctionalInterface
  public interface ClientCheck {
    /** Whether one RPC on the client succeeds within the timeout; never throws for a failure. */
    boolean answers(Duration timeout);
  }

  /**
   * Makes {@link #awaitRecovery} also wait for the user's client, and record its first success
   * after a fault as {@link ChaosEventType#CLIENT_RECOVERED}: recovery as the user feels it.
   * The client must exist before the faults and be kept across them. Null stops watching.
   */
  public void watchClient(ClientCheck check) {
    recovery.watchClient(check);
  }

  /**
   * Makes {@link #awaitRecovery} also retry the user's worker check after a fault until it first
   * succeeds, and record that moment as {@link ChaosEventType#WORKER_RECOVERED}: recovery as the
   * user's worker feels it. The check runs on its own thread, so it never delays the probe's
   * and the client's figures. The worker and its client must exist before the faults and be
   * kept across them. Null stops watching.
   */
  @API(status = EXPERIMENTAL)
  public void watchWorker(WorkerCheck check) {
    recovery.watchWorker(check);
  }

  /**
   * Waits for the first successful RPC ({@code GetSystemInfo}) of the manager's probe after the
   * fault, and records it as {@link ChaosEventType#RPC_RECOVERED} (server-side recovery); with
   * a {@linkplain #watchClient watched client}, also waits for that client's first success and
   * records it as {@link ChaosEventType#CLIENT_RECOVERED}; with a {@linkplain #watchWorker
   * watched worker}, also retries its check (a short pause between tries) until it first
   * succeeds and records that as {@link ChaosEventType#WORKER_RECOVERED}. For a kill or
   * terminate it first waits for the killed server to be gone, so the old server's last answer
   * does not count.
   *
   * <p>Waits in the library's one style ({@link dev.supervisedtemporal.lifecycle.Await}): it
   * returns what it awaited, or throws saying what it awaited and what it saw last.
   *
   * @return how long the probe (and the watched client and worker) took to answer after the
   *     fault
   * @throws AwaitTimeoutException when they did not all answer within the timeout; its last
   *     observation says which did
   * @throws CancellationException when the waiting thread is interrupted (its flag stays set)
   */
  public Recovery awaitRecovery(Fault fault, Duration timeout) {
    return recovery.await(fault, timeout);
  }

  /** The supervisor's and chaos's events merged by monotonic time, one per line. */
  public String timeline() {
    return Timeline.of(this).toString();
  }

  /**
   * Heals every open fault, newest first; this chaos stays usable. Throws after trying them
   * all when one could not be healed.
   */
  @Override
  public void close() {
    registry.healAll();
  }

  @Override
  public String toString() {
    return "Chaos[" + manager + ", " + registry.open().size() + " open fault(s)]";
  }
}
