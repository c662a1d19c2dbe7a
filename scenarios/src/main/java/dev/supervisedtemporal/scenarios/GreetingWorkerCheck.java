package dev.supervisedtemporal.scenarios;

import dev.supervisedtemporal.chaos.WorkerCheck;
import dev.supervisedtemporal.extension.SupervisedTemporal;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link GreetingWorkflow} through the class's declared worker on {@link #TASK_QUEUE}
 * with the injected client: the crash scenarios' worker check, so that every kill round records
 * {@code WORKER_RECOVERED} (fault → the worker, started before it, completes a new workflow).
 *
 * <p>A scenario declares the worker with
 * {@code @WithWorker(taskQueue = GreetingWorkerCheck.TASK_QUEUE, workflows =
 * GreetingWorkflowImpl.class, activities = HelloGreeter.class)} and calls {@link #enrol}.
 */
final class GreetingWorkerCheck implements WorkerCheck {

  /** The task queue of the crash scenarios' declared worker. */
  static final String TASK_QUEUE = "crash-greetings";

  private final WorkflowClient client;

  private GreetingWorkerCheck(WorkflowClient client) {
    this.client = client;
  }

  /**
   * Runs the check once (the worker polls and the code paths are warm before the first fault),
   * then makes the class's chaos watch the worker with it.
   */
  static void enrol(SupervisedTemporal temporal, WorkflowClient client) throws Exception {
    GreetingWorkerCheck check = new GreetingWorkerCheck(client);
    check.run(KillRound.TIMEOUT);
    temporal.chaos().watchWorker(check);
  }

  @Override
  public void run(Duration timeout) throws Exception {
    GreetingWorkflow workflow = client.newWorkflowStub(GreetingWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE)
            .setWorkflowId("worker-check-" + UUID.randomUUID())
            .setWorkflowExecutionTimeout(timeout.plusSeconds(1)).build());
    WorkflowClient.start(workflow::greet, "worker");
    String greeting = WorkflowStub.fromTyped(workflow).getResult(timeout.toMillis(),
        TimeUnit.MILLISECONDS, String.class);
    if (!"hello worker".equals(greeting)) {
      throw new IllegalStateException("the greeting workflow returned " + greeting);
    }
  }
}
