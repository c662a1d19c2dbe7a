package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.Supervisor;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.process.Listener;
import dev.supervisedtemporal.lifecycle.process.PortOwnership;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.Signal;
import dev.supervisedtemporal.lifecycle.state.PidFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class Chaos implements AutoCloseable {

  /** The name of the JVM-wide daemon thread that ends {@link #hangFor} faults. */
  public static final String TIMER_THREAD_NAME = "supervised-temporal-chaos-timer";

  private static final Logger LOG = LoggerFactory.getLogger(Chaos.class);
  private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration DEFAULT_SETTLE = Duration.ofSeconds(1);
  private static final List<Path> SLEEP = List.of(Path.of("/usr/bin/sleep"), Path.of("/bin/sleep"));

  private final TemporalManager manager;
  private final ChaosEvents events;
  private final Set<Fault> open = Collections.synchronizedSet(new LinkedHashSet<>());
  private volatile ClientCheck client;

  private Chaos(TemporalManager manager, ChaosEvents events) {
    this.manager = Objects.requireNonNull(manager, "manager");
    this.events = Objects.requireNonNull(events, "events");
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
    synchronized (open) {
      return List.copyOf(open);
    }
  }

  // ---------------------------------------------------------------- signals

  /** Sends SIGKILL (+ SIGCONT) to the server's process group. Nothing to undo. */
  public synchronized Fault kill() {
    return inject(FaultKind.KILL, f -> {
      ProcessIdentity server = GroupSignals.serverOf(manager, FaultKind.KILL);
      f.onHeal(Undo.NOTHING);
      GroupSignals.send(server, FaultKind.KILL, f, Signal.KILL);
      return "SIGKILL + SIGCONT sent to process group " + server.pid();
    });
  }

  /** Sends SIGTERM + SIGCONT to the server's process group. Nothing to undo. */
  public synchronized Fault terminate() {
    return inject(FaultKind.TERMINATE, f -> {
      ProcessIdentity server = GroupSignals.serverOf(manager, FaultKind.TERMINATE);
      f.onHeal(Undo.NOTHING);
      GroupSignals.send(server, FaultKind.TERMINATE, f, Signal.TERM);
      return "SIGTERM + SIGCONT sent to process group " + server.pid();
    });
  }

  /**
   * Sends SIGSTOP to the server's process group and returns once it is stopped; closing the
   * returned fault (or {@link #resume()}) sends SIGCONT.
   */
  public synchronized Fault suspend() {
    return inject(FaultKind.SUSPEND, f -> stop(f, FaultKind.SUSPEND));
  }

  /** Resumes (SIGCONT) every open suspend or hang; returns how many were healed. */
  public synchronized int resume() {
    int count = 0;
    for (Fault fault : openFaults()) {
      if (fault.kind() == FaultKind.SUSPEND || fault.kind() == FaultKind.HANG) {
        fault.heal();
        count++;
      }
    }
    return count;
  }

  /**
   * Suspends the server's process group (SIGSTOP) and returns at once; SIGCONT follows after
   * the duration on a timer thread, or earlier when the returned fault is closed.
   */
  public synchronized Fault hangFor(Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration = " + duration + "; accepted: positive");
    }
    Fault fault = inject(FaultKind.HANG, f -> stop(f, FaultKind.HANG) + " for " + duration);
    ChaosTimer.after(duration, () -> {
      try {
        fault.heal();
      } catch (RuntimeException e) {
        LOG.error("ending hang {} failed", fault.id(), e);
      }
    });
    return fault;
  }

  private String stop(Fault f, FaultKind kind) throws InterruptedException {
    ProcessIdentity server = GroupSignals.serverOf(manager, kind);
    f.onHeal(() -> resumeGroup(server, kind));
    GroupSignals.send(server, kind, f, Signal.STOP);
    boolean stopped = ProcState.await(server.pid(), 'T', Duration.ofSeconds(2));
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

  // ---------------------------------------------------------------- port

  /**
   * Kills the server, waits for it to exit, and has a helper process bind its port on
   * 127.0.0.1 before a restart can; returns once the port is held. Closing the returned fault
   * kills the thief ({@link Fault#thiefPid()}) and so releases the port.
   */
  public synchronized Fault stealPort() {
    return inject(FaultKind.STEAL_PORT, f -> {
      int port = manager.port();
      if (port <= 0) {
        throw new FaultRefusedException("STEAL_PORT refused: " + manager + " has no port yet");
      }
      Optional<ProcessIdentity> server = manager.serverIdentity()
          .filter(id -> id.mismatch().isEmpty());
      if (server.isPresent()) {
        GroupSignals.serverOf(manager, FaultKind.STEAL_PORT);
      }
      Path dir = manager.stateDir();
      Path go = dir.resolve("chaos-" + f.id() + ".go");
      AtomicReference<HelperProcess> thief = new AtomicReference<>();
      f.onHeal(() -> {
        HelperProcess h = thief.get();
        String done = h == null ? "no thief was started" : h.stop() + "; port " + port
            + " released";
        Files.deleteIfExists(go);
        return done;
      });
      Files.deleteIfExists(go);
      HelperProcess h = HelperProcess.java(PortThiefMain.class,
          List.of("127.0.0.1", Integer.toString(port), go.toString()), dir, f.id());
      thief.set(h);
      f.helperPid(h.pid());
      h.awaitLine("READY", HELPER_TIMEOUT);
      String killed = "no server was running";
      if (server.isPresent()) {
        GroupSignals.send(server.get(), FaultKind.STEAL_PORT, f, Signal.KILL);
        awaitGone(server.get());
        killed = "server " + server.get().pid() + " killed";
      } else {
        f.injectedNow();
      }
      Files.createFile(go);
      h.awaitLine("BOUND", HELPER_TIMEOUT);
      return killed + "; port 127.0.0.1:" + port + " held by " + describeOwner(port, h.pid());
    });
  }

  private static String describeOwner(int port, long thiefPid) {
    PortOwnership ports = new PortOwnership();
    if (!ports.isSupported()) {
      return "thief pid " + thiefPid;
    }
    List<Listener> listeners = ports.listenersWithOwners(port, Set.of(thiefPid));
    return listeners.stream().map(l -> l.address() + " by pid " + l.ownerPid().orElse(-1L))
        .collect(Collectors.joining(", ", "listener ", ""));
  }

  private static void awaitGone(ProcessIdentity server) throws InterruptedException {
    long deadline = System.nanoTime() + EXIT_TIMEOUT.toNanos();
    while (server.mismatch().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(server + " did not exit within " + EXIT_TIMEOUT);
      }
      Thread.sleep(1);
    }
  }

  // ---------------------------------------------------------------- state files

  /** Overwrites the pid file with garbage; healing restores it if chaos's bytes are still there. */
  public synchronized Fault corruptPidFile() {
    return inject(FaultKind.CORRUPT_PID_FILE, f -> {
      long pid = manager.pid();
      PidFileTamper tamper = PidFileTamper.snapshot(manager.pidFile());
      f.onHeal(() -> tamper.restore(sameServerRuns(pid)));
      tamper.write(("# corrupted by supervised-temporal chaos\npid=not-a-number\n\u0000\u0001")
          .getBytes(StandardCharsets.UTF_8));
      f.injectedNow();
      return "pid file " + manager.pidFile() + " overwritten with garbage";
    });
  }

  /** Deletes the pid file; healing restores it if it is still absent and the server still runs. */
  public synchronized Fault deletePidFile() {
    return inject(FaultKind.DELETE_PID_FILE, f -> {
      long pid = manager.pid();
      if (!Files.exists(manager.pidFile())) {
        throw new FaultRefusedException("DELETE_PID_FILE refused: there is no pid file at "
            + manager.pidFile());
      }
      PidFileTamper tamper = PidFileTamper.snapshot(manager.pidFile());
      f.onHeal(() -> tamper.restore(sameServerRuns(pid)));
      tamper.delete();
      f.injectedNow();
      return "pid file " + manager.pidFile() + " deleted";
    });
  }

  /**
   * The pid-reuse case: starts a live decoy process ({@code sleep}) and writes a pid file that
   * names the decoy's pid with the server's start time and command line. Healing restores the
   * pid file (if chaos's content is still there) and kills and reaps the decoy
   * ({@link Fault#helperPid()}).
   */
  public synchronized Fault pidFileNamingForeignProcess() {
    return inject(FaultKind.FOREIGN_PID_FILE, f -> {
      ProcessIdentity server = manager.serverIdentity().orElseThrow(() ->
          new FaultRefusedException("FOREIGN_PID_FILE refused: the manager has not started a "
              + "server whose identity the pid file could claim"));
      Path sleep = SLEEP.stream().filter(Files::isExecutable).findFirst().orElseThrow(() ->
          new FaultRefusedException("FOREIGN_PID_FILE refused: no sleep binary in " + SLEEP));
      PidFileTamper tamper = PidFileTamper.snapshot(manager.pidFile());
      AtomicReference<HelperProcess> decoy = new AtomicReference<>();
      f.onHeal(() -> {
        String file = tamper.restore(sameServerRuns(server.pid()));
        HelperProcess d = decoy.get();
        return file + "; " + (d == null ? "no decoy was started" : d.stop());
      });
      HelperProcess d = HelperProcess.spawn(List.of(sleep.toString(), "3600"),
          manager.stateDir(), f.id());
      decoy.set(d);
      f.helperPid(d.pid());
      d.awaitExec("sleep", HELPER_TIMEOUT);
      ProcessIdentity forged =
          new ProcessIdentity(d.pid(), server.startInstant(), server.commandLine());
      tamper.write(render(forged, manager.port()));
      f.injectedNow();
      return "pid file names live decoy pid " + d.pid() + " with the start time and command "
          + "line of server " + server.pid();
    });
  }

  private static byte[] render(ProcessIdentity identity, int port) throws IOException {
    Path scratch = Files.createTempDirectory("supervised-temporal-chaos-");
    try {
      PidFile file = new PidFile(scratch);
      file.write(identity, port);
      return Files.readAllBytes(file.path());
    } finally {
      try (Stream<Path> walk = Files.walk(scratch)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * Has a helper process take the state dir's lock (as another manager would), so the next
   * {@code start()} finds it locked; healing kills the holder, which releases the lock.
   * Refused while the manager itself holds the lock (that is, while it runs a server): a lock
   * held elsewhere only matters to a start, so stop the manager first.
   */
  public synchronized Fault holdLockFromAnotherProcess() {
    return inject(FaultKind.HOLD_LOCK, f -> {
      if (manager.holdsLock()) {
        throw new FaultRefusedException("HOLD_LOCK refused: the manager holds its state dir "
            + "lock while it runs a server; stop() it first");
      }
      AtomicReference<HelperProcess> holder = new AtomicReference<>();
      f.onHeal(() -> {
        HelperProcess h = holder.get();
        return h == null ? "no holder was started" : h.stop() + "; lock released";
      });
      HelperProcess h = HelperProcess.java(LockHolderMain.class,
          List.of(manager.lockFile().toString()), manager.stateDir(), f.id());
      holder.set(h);
      f.helperPid(h.pid());
      h.awaitLine("LOCKED", HELPER_TIMEOUT);
      f.injectedNow();
      return "lock " + manager.lockFile() + " held by pid " + h.pid();
    });
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
    Objects.requireNonNull(settle, "settle");
    AtomicReference<StopRace> race = new AtomicReference<>();
    inject(FaultKind.KILL_DURING_STOP, f -> {
      Supervisor supervisor = manager.supervisor().filter(s -> !s.isStopping()).orElseThrow(() ->
          new FaultRefusedException("KILL_DURING_STOP refused: no running supervisor on "
              + manager));
      ProcessIdentity server = GroupSignals.serverOf(manager, FaultKind.KILL_DURING_STOP);
      f.onHeal(Undo.NOTHING);
      int from = manager.events().size();
      long began = System.nanoTime();
      Thread stopper = new Thread(manager::stopSupervisor, "supervised-temporal-chaos-stopper");
      stopper.setDaemon(true);
      stopper.start();
      long spinUntil = began + Duration.ofSeconds(5).toNanos();
      while (!supervisor.isStopping() && stopper.isAlive() && System.nanoTime() < spinUntil) {
        Thread.onSpinWait();
      }
      GroupSignals.send(server, FaultKind.KILL_DURING_STOP, f, Signal.KILL);
      boolean whileStopping = stopper.isAlive();
      stopper.join(supervisor.policy().stopTimeout().plusSeconds(10).toMillis());
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      Thread.sleep(settle.toMillis());
      List<SupervisorEvent> after = manager.events().since(from).stream()
          .filter(e -> e.nanoTime() >= began).collect(Collectors.toList());
      boolean restarted = after.stream().anyMatch(e -> e.type() == SupervisorEventType
          .RESTART_ATTEMPT || e.type() == SupervisorEventType.RESTARTED);
      long pidAfter = manager.pid();
      boolean appeared = restarted || (pidAfter > 0 && pidAfter != server.pid());
      race.set(new StopRace(f.id(), server.pid(), whileStopping, appeared, pidAfter, took,
          after));
      return "server " + server.pid() + " killed " + (whileStopping ? "while" : "after")
          + " the supervisor was stopping; new server appeared: " + appeared;
    });
    return race.get();
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
    this.client = check;
  }

  /**
   * Waits for the first successful RPC ({@code GetSystemInfo}) of the manager's probe after the
   * fault, and records it as {@link ChaosEventType#RPC_RECOVERED} (server-side recovery); with
   * a {@linkplain #watchClient watched client}, also waits for that client's first success and
   * records it as {@link ChaosEventType#CLIENT_RECOVERED}. For a kill or terminate it first
   * waits for the killed server to be gone, so the old server's last answer does not count.
   *
   * @return whether the probe (and the watched client) succeeded within the timeout
   */
  public boolean awaitRecovery(Fault fault, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (fault.kind() == FaultKind.KILL || fault.kind() == FaultKind.TERMINATE) {
      while (ProcessHandle.of(fault.targetPid()).map(ProcessHandle::isAlive).orElse(false)
          && manager.pid() == fault.targetPid()) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(2);
      }
    }
    ClientCheck userClient = client;
    boolean probeDone = false;
    boolean clientDone = userClient == null;
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      Duration wait = Duration.ofNanos(Math.min(left, Duration.ofSeconds(1).toNanos()));
      if (!probeDone && manager.answersRpc(wait)) {
        probeDone = true;
        recovered(ChaosEventType.RPC_RECOVERED, fault, "GetSystemInfo answered");
      }
      if (!clientDone && userClient.answers(wait)) {
        clientDone = true;
        recovered(ChaosEventType.CLIENT_RECOVERED, fault, "the user's client answered");
      }
      if (probeDone && clientDone) {
        return true;
      }
      Thread.sleep(5);
    }
  }

  private void recovered(ChaosEventType type, Fault fault, String what) {
    long now = System.nanoTime();
    events.publish(new ChaosEvent(type, now, Instant.now(), fault.id(), fault.kind(),
        manager.pid(), -1, what + " " + (now - fault.injectedNanos()) / 1_000_000
            + " ms after the fault"));
  }

  /** The supervisor's and chaos's events merged by monotonic time, one per line. */
  public String timeline() {
    List<Object[]> lines = new ArrayList<>();
    manager.events().snapshot().forEach(e -> lines.add(new Object[] {e.nanoTime(), e}));
    events.snapshot().forEach(e -> lines.add(new Object[] {e.nanoTime(), e}));
    lines.sort(Comparator.comparingLong(o -> (Long) o[0]));
    return lines.stream().map(o -> o[1].toString()).collect(Collectors.joining("\n"));
  }

  /**
   * Heals every open fault, newest first; this chaos stays usable. Throws after trying them
   * all when one could not be healed.
   */
  @Override
  public void close() {
    List<Fault> faults = openFaults();
    Collections.reverse(faults);
    RuntimeException failure = null;
    for (Fault fault : faults) {
      try {
        fault.heal();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "Chaos[" + manager + ", " + open.size() + " open fault(s)]";
  }

  // ---------------------------------------------------------------- internals

  /** Injects one fault: registers it (and so its undo) first, then runs the OS action. */
  private Fault inject(FaultKind kind, Injector injector) {
    Fault fault = new Fault(this, events.nextFaultId(kind), kind, manager.pid());
    open.add(fault);
    OpenFaults.add(fault);
    String result;
    try {
      result = injector.inject(fault);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String message = e instanceof FaultRefusedException ? e.getMessage()
          : kind + " failed: " + e.getMessage();
      if (fault.stamped()) {
        fault.result("partly injected: " + message);
        publish(ChaosEventType.FAULT_INJECTED, fault, fault.result());
      } else {
        publish(ChaosEventType.FAULT_REFUSED, fault, message);
      }
      try {
        fault.heal();
      } catch (RuntimeException healing) {
        e.addSuppressed(healing);
      }
      if (e instanceof FaultRefusedException refused) {
        throw refused;
      }
      throw new IllegalStateException(message, e);
    }
    if (!fault.stamped()) {
      fault.injectedNow();
    }
    fault.result(result);
    publish(ChaosEventType.FAULT_INJECTED, fault, result);
    LOG.info("injected {}: {}", fault.id(), result);
    if (!kind.lasting()) {
      fault.heal();
    }
    return fault;
  }

  /** Called by a fault once its undo ran. */
  void healed(Fault fault, String outcome) {
    open.remove(fault);
    OpenFaults.remove(fault);
    if (fault.stamped()) {
      events.publish(new ChaosEvent(ChaosEventType.FAULT_HEALED, System.nanoTime(),
          Instant.now(), fault.id(), fault.kind(), fault.targetPid(), fault.helperPid(),
          outcome));
      LOG.info("healed {}: {}", fault.id(), outcome);
    }
  }

  private void publish(ChaosEventType type, Fault fault, String detail) {
    boolean injected = type == ChaosEventType.FAULT_INJECTED;
    events.publish(new ChaosEvent(type, injected ? fault.injectedNanos() : System.nanoTime(),
        injected ? fault.injectedAt() : Instant.now(), fault.id(), fault.kind(),
        fault.targetPid(), fault.helperPid(), detail));
  }

  private boolean sameServerRuns(long pid) {
    return pid > 0 && manager.pid() == pid
        && manager.serverIdentity().map(ProcessIdentity::isStillAlive).orElse(false);
  }

  /** The body of one fault: registers its undo, performs the OS action, says what it did. */
  @FunctionalInterface
  private interface Injector {
    String inject(Fault fault) throws Exception;
  }
}
