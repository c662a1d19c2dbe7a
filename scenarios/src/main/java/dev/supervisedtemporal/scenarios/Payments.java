package dev.supervisedtemporal.scenarios;

import dev.supervisedtemporal.chaos.workload.ActivityRecorder;
import dev.supervisedtemporal.chaos.workload.Workload;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Our own realistic workload for chaos runs: {@link PaymentWorkflow}s on their own task queue,
 * a worker whose activities are recorded, and the expected receipt of every order.
 */
final class Payments implements AutoCloseable {

  private final String taskQueue = "payments-" + UUID.randomUUID();
  private final ActivityRecorder activities = new ActivityRecorder();
  private final WorkerFactory factory;

  private Payments(WorkflowClient client) {
    factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
        .setWorkerInterceptors(activities).build());
    factory.newWorker(taskQueue).registerWorkflowImplementationTypes(PaymentWorkflowImpl.class);
    factory.newWorker(taskQueue).registerActivitiesImplementations(new PaymentActivitiesImpl());
  }

  /** Starts a worker for payments on the client; {@link #close()} shuts it down. */
  public static Payments worker(WorkflowClient client) {
    Payments payments = new Payments(client);
    payments.factory.start();
    return payments;
  }

  /** The receipt order {@code order} must end with. */
  public static String receipt(int order) {
    return "receipt " + order + " for reservation r-" + order;
  }

  /** The task queue the worker polls. */
  public String taskQueue() {
    return taskQueue;
  }

  /** The recorder enabled on this worker. */
  public ActivityRecorder activities() {
    return activities;
  }

  /** A workload that starts one payment per unit, order = unit index, recorded activities. */
  public Workload<String> workload(String name) {
    return Workload.of(name, String.class, (index, client) -> {
      PaymentWorkflow payment = client.newWorkflowStub(PaymentWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue(taskQueue)
              .setWorkflowId(taskQueue + "-order-" + index).build());
      WorkflowClient.start(payment::pay, index);
      return WorkflowStub.fromTyped(payment);
    }).recording(activities);
  }

  /** Shuts the worker down and waits (up to 10 s) for it. */
  @Override
  public void close() {
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** The activities: deterministic per order, so a duplicate execution changes nothing. */
  static final class PaymentActivitiesImpl implements PaymentActivities {

    @Override
    public String reserve(int order) {
      return "r-" + order;
    }

    @Override
    public String charge(int order, String reservation) {
      return "receipt " + order + " for reservation " + reservation;
    }
  }
}
