package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import org.apiguardian.api.API;

/**
 * Starts one unit of a {@link Workload}, usually one workflow, and returns its stub once the
 * server has accepted the start.
 *
 * <p>Give every index its own workflow id, so that a unit can be found again after a fault:
 *
 * <pre>{@code
 * (index, client) -> {
 *   PaymentWorkflow wf = client.newWorkflowStub(PaymentWorkflow.class, WorkflowOptions.newBuilder()
 *       .setTaskQueue("payments").setWorkflowId("pay-" + index).build());
 *   WorkflowClient.start(wf::pay, index);
 *   return WorkflowStub.fromTyped(wf);
 * }
 * }</pre>
 */
@FunctionalInterface
@API(status = EXPERIMENTAL)
public interface UnitStarter {

  /**
   * Starts unit {@code index} (from 0) with the client and returns its started stub.
   *
   * @throws Exception when the start was not accepted; the unit is then {@link UnitOutcome#REJECTED}
   */
  WorkflowStub start(int index, WorkflowClient client) throws Exception;
}
