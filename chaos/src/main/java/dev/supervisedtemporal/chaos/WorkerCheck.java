package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Runs one small piece of work through the user's own worker, for {@link Chaos#watchWorker}.
 *
 * <p>Typically it starts a workflow on the worker's task queue with the user's long-lived
 * client and waits for its result. The worker and the client must exist before the faults and
 * be kept across them: that is recovery as the user's worker feels it.
 *
 * <pre>{@code
 * chaos.watchWorker(timeout -> {
 *   GreetingWorkflow workflow = client.newWorkflowStub(GreetingWorkflow.class,
 *       WorkflowOptions.newBuilder().setTaskQueue("greetings")
 *           .setWorkflowExecutionTimeout(timeout).build());
 *   WorkflowClient.start(workflow::greet, "chaos");
 *   WorkflowStub.fromTyped(workflow).getResult(timeout.toMillis(), TimeUnit.MILLISECONDS,
 *       String.class);
 * });
 * }</pre>
 */
@API(status = EXPERIMENTAL)
@FunctionalInterface
public interface WorkerCheck {

  /**
   * Runs the piece of work through the worker, taking at most about {@code timeout}; returns
   * normally when the worker completed it, and throws (any exception) when it did not.
   */
  void run(Duration timeout) throws Exception;
}
