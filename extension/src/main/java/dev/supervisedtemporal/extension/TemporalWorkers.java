package dev.supervisedtemporal.extension;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.supervisedtemporal.lifecycle.Await;
import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The Temporal workers of a class's supervised server: those declared with {@link WithWorker} or
 * the builder, and those a test adds (for example in {@code @BeforeAll}). Every worker polls
 * through the injected {@code WorkflowClient}, so it keeps working across server restarts; all
 * are shut down after the class, before the server stops.
 *
 * <p>Injected as a parameter of this type, or from {@link SupervisedTemporal#workers()}.
 *
 * <pre>{@code
 * @BeforeAll
 * static void workers(TemporalWorkers workers) {
 *   workers.start("orders", w -> w.workflows(OrderWorkflowImpl.class)
 *       .activities(new PaymentActivities(gateway)));
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class TemporalWorkers {

  private static final Duration SHUTDOWN = Duration.ofSeconds(10);
  private static final Duration TERMINATION_CHECK = Duration.ofMillis(50);

  private final ServerSession session;
  private final List<WorkerFactory> factories = new ArrayList<>();
  private final Map<String, Worker> workers = new LinkedHashMap<>();
  private boolean closed;

  TemporalWorkers(ServerSession session) {
    this.session = session;
  }

  /**
   * Starts a worker on the task queue with what {@code spec} registers, in a factory of its own
   * on the injected client; it runs until the class ends.
   *
   * @return the running worker
   * @throws IllegalArgumentException when the task queue is blank or already has a worker here,
   *     or the SDK rejects a registration
   */
  public synchronized Worker start(String taskQueue, Consumer<WorkerSpec> spec) {
    Objects.requireNonNull(spec, "spec");
    WorkerSpec s = new WorkerSpec();
    spec.accept(s);
    String where = "TemporalWorkers.start(\"" + taskQueue + "\", ...)";
    checkQueue(taskQueue, where);
    s.check(where);
    return startAll(List.of(new WorkerDeclaration(taskQueue, s, where))).get(0);
  }

  /**
   * A new, not yet started worker factory on the injected client, for full control: create
   * workers, register, then call {@link WorkerFactory#start()}. It is shut down after the class.
   */
  public synchronized WorkerFactory newFactory() {
    return track(WorkerFactory.newInstance(session.workflowClient(),
        session.clientSetup().factoryOptions()));
  }

  /** The worker started here on the task queue, if any. */
  public synchronized Optional<Worker> worker(String taskQueue) {
    return Optional.ofNullable(workers.get(taskQueue));
  }

  /** The task queues of the workers started here, in start order. */
  public synchronized List<String> taskQueues() {
    return List.copyOf(workers.keySet());
  }

  /** Starts the declarations' workers in one factory, after checking the queues are free. */
  synchronized List<Worker> startAll(List<WorkerDeclaration> declarations) {
    for (WorkerDeclaration d : declarations) {
      checkQueue(d.taskQueue(), d.where());
    }
    WorkerFactory factory = newFactory();
    List<Worker> started = new ArrayList<>();
    for (WorkerDeclaration d : declarations) {
      Worker worker = factory.newWorker(d.taskQueue(), d.spec().workerOptions());
      d.spec().registerOn(worker);
      workers.put(d.taskQueue(), worker);
      started.add(worker);
    }
    factory.start();
    return started;
  }

  /**
   * Shuts every factory down (interrupting running activities) and waits for it.
   *
   * @return what did not terminate in time, one description each
   */
  List<String> shutdown() {
    List<WorkerFactory> all;
    synchronized (this) {
      closed = true;
      all = List.copyOf(factories);
    }
    all.forEach(WorkerFactory::shutdownNow);
    List<String> stuck = new ArrayList<>();
    long deadline = System.nanoTime() + SHUTDOWN.toNanos();
    for (WorkerFactory f : all) {
      awaitTerminated(f, deadline);
      if (!f.isTerminated()) {
        stuck.add("a worker factory of " + session.scenario() + " (task queues "
            + queuesOf(f) + ") did not terminate within " + SHUTDOWN.toSeconds() + " s");
      }
    }
    return stuck;
  }

  /**
   * Waits until the factory reports itself terminated or the deadline passes. The SDK's
   * {@code awaitTermination} can return while {@code isTerminated()} is still false (the
   * factory's last steps finish asynchronously), so this waits for the state itself: each poll
   * gives the SDK a short {@code awaitTermination}, then reads {@code isTerminated()}.
   */
  private void awaitTerminated(WorkerFactory f, long deadlineNanos) {
    long left = deadlineNanos - System.nanoTime();
    if (f.isTerminated() || left <= 0) {
      return;
    }
    try {
      Await.until("a worker factory of " + session.scenario() + " to terminate")
          .atMost(Duration.ofNanos(left))
          .pollInterval(TERMINATION_CHECK.dividedBy(5))
          .until(() -> {
            f.awaitTermination(Math.max(0, Math.min(deadlineNanos - System.nanoTime(),
                TERMINATION_CHECK.toNanos())), TimeUnit.NANOSECONDS);
            return f.isTerminated();
          });
    } catch (AwaitTimeoutException | CancellationException e) {
      // the caller lists the factory as stuck (an interrupt keeps its flag)
    }
  }

  /** Whether the factory was created here. */
  synchronized boolean owns(WorkerFactory factory) {
    return factories.contains(factory);
  }

  private WorkerFactory track(WorkerFactory factory) {
    if (closed) {
      factory.shutdownNow();
      throw new IllegalStateException("the workers of " + session.scenario()
          + " are shut down: the class has ended");
    }
    factories.add(factory);
    return factory;
  }

  private synchronized List<String> queuesOf(WorkerFactory f) {
    return workers.keySet().stream().filter(q -> f.tryGetWorker(q) != null).toList();
  }

  private void checkQueue(String taskQueue, String where) {
    if (taskQueue == null || taskQueue.isBlank()) {
      throw new IllegalArgumentException(where + " has a blank task queue; accepted: a "
          + "non-blank task queue name");
    }
    if (workers.containsKey(taskQueue)) {
      throw new IllegalArgumentException(where + ": task queue \"" + taskQueue
          + "\" already has a worker of this class; accepted: one worker per task queue");
    }
  }

  @Override
  public synchronized String toString() {
    return "TemporalWorkers" + workers.keySet();
  }
}
