package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.chaos.Chaos;
import dev.supervisedtemporal.chaos.ChaosEvents;
import dev.supervisedtemporal.chaos.workload.WorkloadVerdict;
import dev.supervisedtemporal.lifecycle.StartResult;
import dev.supervisedtemporal.lifecycle.Supervisor;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.SupervisorEvents;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.EmbeddedBackend;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test class's server: the manager, its supervisor and the lazily created clients, closed in
 * reverse order (clients, supervisor, server) however far setup got.
 *
 * <p>Lives in the class-level {@link ExtensionContext.Store}, so JUnit closes it even when setup
 * fails half way; it implements {@link ExtensionContext.Store.CloseableResource} too, for JUnit
 * versions before 5.13 that close only those. {@link #close()} is idempotent.
 */
@SuppressWarnings("deprecation") // CloseableResource: kept for JUnit < 5.13
final class ServerSession implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private static final Duration STUBS_SHUTDOWN = Duration.ofSeconds(5);
  private static final int CAPTURED_LOG_LINES = 200;

  private final Settings settings;
  private final TemporalManager manager;
  private final String scenario;
  private final String ownerId;
  private final BiConsumer<SetupStep, SupervisedTemporal> stepHook;
  private final long createdNanos = System.nanoTime();
  private final List<ProcessIdentity> servers = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final List<WorkloadVerdict> workloads = new CopyOnWriteArrayList<>();
  private final SupervisorEvents.Registration restartWatch;
  private final ChaosEvents chaosEvents = new ChaosEvents();
  private final SupervisedTemporal handle;

  private volatile StartResult firstStart;
  private volatile long readyNanos;
  private volatile Supervisor supervisor;
  private volatile WorkflowServiceStubs stubs;
  private volatile SupervisorEvents.Registration stubsReconnect;
  private volatile WorkflowClient client;
  private volatile List<String> logTailAtClose;
  private volatile boolean closed;
  private volatile Chaos chaos;
  private volatile Resources resources;
  private final RunContext run;
  private volatile ClientSetup clientSetup = ClientSetup.NONE;
  private volatile List<WorkerDeclaration> declaredWorkers = List.of();
  private volatile TemporalWorkers workers;
  private volatile List<String> workerLeaks = List.of();
  private final ClassTimingEvents timing;

  ServerSession(Settings settings, TemporalManager manager, String scenario, String ownerId,
      BiConsumer<SetupStep, SupervisedTemporal> stepHook, RunContext run) {
    this.run = run;
    this.settings = settings;
    this.manager = manager;
    this.scenario = scenario;
    this.ownerId = ownerId;
    this.stepHook = stepHook;
    this.restartWatch = manager.events().subscribe(this::onEvent);
    this.handle = new SupervisedTemporal(this);
    this.timing = ClassTimingEvents.open(this); // last: it reads the fields set above
  }

  /** The handle tests get. */
  SupervisedTemporal handle() {
    return handle;
  }

  /** Starts the server and the supervisor, and waits until the server serves. */
  void open() {
    firstStart = manager.start();
    readyNanos = System.nanoTime();
    if (timing != null) {
      timing.serverReady(firstStart, readyNanos, fastStart());
    }
    manager.serverIdentity().ifPresent(servers::add);
    stepHook.accept(SetupStep.SERVER_STARTED, handle);
    supervisor = manager.startSupervisor(settings.policy());
    stepHook.accept(SetupStep.SUPERVISOR_STARTED, handle);
    if (!declaredWorkers.isEmpty()) {
      workers().startAll(declaredWorkers);
      stepHook.accept(SetupStep.WORKERS_STARTED, handle);
    }
  }

  /** Sets the client customizers and the declared workers; call before {@link #open()}. */
  void configure(ClientSetup clients, List<WorkerDeclaration> declared) {
    this.clientSetup = clients;
    this.declaredWorkers = List.copyOf(declared);
  }

  ClientSetup clientSetup() {
    return clientSetup;
  }

  /** The class's workers, created on first use; shut down by {@link #close()}. */
  synchronized TemporalWorkers workers() {
    if (closed) {
      throw new IllegalStateException("the Temporal server of " + scenario + " is closed");
    }
    if (workers == null) {
      workers = new TemporalWorkers(this);
    }
    return workers;
  }

  /** Workers left running at close (not terminated, or a test's factory not shut down). */
  List<String> workerLeaks() {
    return workerLeaks;
  }

  private void onEvent(SupervisorEvent event) {
    if (event.type() == SupervisorEventType.RESTARTED) {
      manager.serverIdentity().ifPresent(servers::add);
    }
  }

  Settings settings() {
    return settings;
  }

  TemporalManager manager() {
    return manager;
  }

  String scenario() {
    return scenario;
  }

  /** The unique id of the extension context that created this session. */
  String ownerId() {
    return ownerId;
  }

  long createdNanos() {
    return createdNanos;
  }

  /** The first start, or null when setup failed before it. */
  StartResult firstStart() {
    return firstStart;
  }

  long readyNanos() {
    return readyNanos;
  }

  /** Every server process this session started, as verified identities. */
  List<ProcessIdentity> servers() {
    return List.copyOf(servers);
  }

  /** The supervisor this session started, or null when setup failed before it. */
  Supervisor supervisor() {
    return supervisor;
  }

  /** Whether the embedded backend ran with its fast-start flags. */
  boolean fastStart() {
    return manager.backend() instanceof EmbeddedBackend e && e.fastStart();
  }

  /** Records that a test of the class failed, for the class's timing result. */
  void recordFailure(String what) {
    failures.add(what);
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  /** How the suite run (if any) labels and tunes this class. */
  RunContext run() {
    return run;
  }

  /** The fault injector, created on first use; its faults are healed by {@link #close()}. */
  synchronized Chaos chaos() {
    if (closed) {
      throw new IllegalStateException("the Temporal server of " + scenario + " is closed");
    }
    if (chaos == null) {
      chaos = Chaos.on(manager, chaosEvents);
      // Recovery as the user feels it: the handle's stubs exist before the first fault and are
      // kept across it; their first answer after a fault is recorded as CLIENT_RECOVERED.
      WorkflowServiceStubs kept = serviceStubs();
      chaos.watchClient(timeout -> answers(kept, timeout));
    }
    return chaos;
  }

  /** The class's timing-event file, written as events happen; null when it cannot be. */
  ClassTimingEvents timing() {
    return timing;
  }

  /** The log the class's fault injector records into; it exists before the injector. */
  ChaosEvents chaosEvents() {
    return chaosEvents;
  }

  /** Keeps a workload run's verdict for this class's timing events. */
  void recordWorkload(WorkloadVerdict verdict) {
    workloads.add(verdict);
    if (timing != null) {
      timing.workload(verdict);
    }
  }

  /** The workload runs of this class, oldest first. */
  List<WorkloadVerdict> workloads() {
    return List.copyOf(workloads);
  }

  /** Heals every fault still open; a failure to heal is logged, never thrown. */
  void healOpenFaults() {
    Chaos c = chaos;
    if (c != null) {
      c.close();
    }
  }

  /** The server's cost measured just before it was stopped, or null. */
  Resources resources() {
    return resources;
  }

  /** The stubs, created on first use; shut down by {@link #close()}. */
  synchronized WorkflowServiceStubs serviceStubs() {
    if (closed) {
      throw new IllegalStateException("the Temporal server of " + scenario + " is closed");
    }
    if (stubs == null) {
      stubs = WorkflowServiceStubs.newServiceStubs(clientSetup.stubsOptions(manager.target()));
      // The stubs outlive faults: their channel reconnects as soon as a replacement is ready.
      stubsReconnect = manager.reconnectOnRestart(stubs.getRawChannel());
    }
    return stubs;
  }

  private static boolean answers(WorkflowServiceStubs stubs, Duration timeout) {
    try {
      stubs.blockingStub().withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return true;
    } catch (RuntimeException e) {
      return false; // unavailable, deadline exceeded, or shut down with the session
    }
  }

  /** A client bound to the namespace, created on first use. */
  synchronized WorkflowClient workflowClient() {
    if (client == null) {
      client = WorkflowClient.newInstance(serviceStubs(),
          clientSetup.clientOptions(manager.namespace()));
    }
    return client;
  }

  /** The last lines of the server log; after close, those captured just before it. */
  List<String> logTail(int lines) {
    List<String> captured = logTailAtClose;
    if (captured == null) {
      return manager.logTail(lines);
    }
    return captured.subList(Math.max(0, captured.size() - lines), captured.size());
  }

  /**
   * Shuts the clients down, then stops the supervisor, then the server (releasing its lock and
   * deleting its state dir). Idempotent; every step runs even when an earlier one fails. The
   * workers stop first, right after open faults are healed.
   */
  @Override
  public void close() {
    WorkflowServiceStubs s;
    WorkflowClient c;
    TemporalWorkers w;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      s = stubs;
      c = client;
      w = workers;
      stubs = null;
      client = null;
      if (stubsReconnect != null) {
        stubsReconnect.close();
        stubsReconnect = null;
      }
    }
    RuntimeException failure = null;
    try {
      healOpenFaults();
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      List<String> left = new ArrayList<>(w == null ? List.of() : w.shutdown());
      left.addAll(LeftoverWorkers.shutDown(c, f -> w != null && w.owns(f)));
      workerLeaks = List.copyOf(left);
    } catch (RuntimeException e) {
      failure = add(failure, e);
    }
    try {
      resources = Resources.measure(manager);
    } catch (RuntimeException e) {
      failure = add(failure, e);
    }
    try {
      logTailAtClose = manager.logTail(CAPTURED_LOG_LINES);
      if (s != null) {
        s.shutdownNow();
        s.awaitTermination(STUBS_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      failure = add(failure, e);
    }
    try {
      manager.stopSupervisor();
    } catch (RuntimeException e) {
      failure = add(failure, e);
    }
    try {
      restartWatch.close();
      manager.close();
    } catch (RuntimeException e) {
      failure = add(failure, e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  boolean isClosed() {
    return closed;
  }

  private static RuntimeException add(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
