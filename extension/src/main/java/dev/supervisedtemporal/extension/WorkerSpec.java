package dev.supervisedtemporal.extension;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.temporal.common.metadata.POJOActivityImplMetadata;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * What one worker registers: workflow implementation types, activity instances and worker
 * options. Filled in by the lambda given to
 * {@link SupervisedTemporalExtension.Builder#worker(String, Consumer)} or
 * {@link TemporalWorkers#start(String, Consumer)}.
 *
 * <pre>{@code
 * w -> w.workflows(OrderWorkflowImpl.class).activities(new PaymentActivities(gateway))
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class WorkerSpec {

  private final List<Class<?>> workflows = new ArrayList<>();
  private final List<Object> activities = new ArrayList<>();
  private final List<Consumer<WorkerOptions.Builder>> options = new ArrayList<>();

  WorkerSpec() {}

  /** Adds workflow implementation types (classes implementing a {@code @WorkflowInterface}). */
  public WorkerSpec workflows(Class<?>... types) {
    for (Class<?> type : types) {
      workflows.add(Objects.requireNonNull(type, "workflow type"));
    }
    return this;
  }

  /** Adds activity implementations (instances of classes implementing an activity interface). */
  public WorkerSpec activities(Object... instances) {
    for (Object instance : instances) {
      activities.add(Objects.requireNonNull(instance, "activity instance"));
    }
    return this;
  }

  /** Changes the worker's options (e.g. concurrency limits); called on a fresh builder. */
  public WorkerSpec options(Consumer<WorkerOptions.Builder> change) {
    options.add(Objects.requireNonNull(change, "options"));
    return this;
  }

  /**
   * Checks the registrations with the SDK's own rules, without a server.
   *
   * @param where names the declaration in the message
   * @throws IllegalArgumentException naming the declaration and what is wrong
   */
  void check(String where) {
    if (workflows.isEmpty() && activities.isEmpty()) {
      throw new IllegalArgumentException(where + " registers no workflow type and no activity; "
          + "accepted: at least one workflow implementation type or activity");
    }
    for (Class<?> type : workflows) {
      try {
        POJOWorkflowImplMetadata.newInstance(type);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + ": " + type.getName()
            + " is not a workflow implementation type: " + e.getMessage(), e);
      }
    }
    for (Object activity : activities) {
      try {
        POJOActivityImplMetadata.newInstance(activity.getClass());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + ": " + activity.getClass().getName()
            + " is not an activity implementation: " + e.getMessage(), e);
      }
    }
  }

  /** The worker options these changes describe. */
  WorkerOptions workerOptions() {
    WorkerOptions.Builder b = WorkerOptions.newBuilder();
    options.forEach(change -> change.accept(b));
    return b.build();
  }

  /** Registers everything on the worker. */
  void registerOn(Worker worker) {
    if (!workflows.isEmpty()) {
      worker.registerWorkflowImplementationTypes(workflows.toArray(Class<?>[]::new));
    }
    if (!activities.isEmpty()) {
      worker.registerActivitiesImplementations(activities.toArray());
    }
  }

  @Override
  public String toString() {
    return "workflows " + workflows.stream().map(Class::getSimpleName).toList() + ", activities "
        + activities.stream().map(a -> a.getClass().getSimpleName()).toList();
  }
}
