package com.example.payments;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;

/** Pays an order through the user's own client, as this project's tests do. */
final class Orders {

  private Orders() {}

  /** Runs the payment workflow for the order on the task queue and returns its receipt. */
  static String pay(WorkflowClient client, String queue, String order) {
    PaymentWorkflow workflow = client.newWorkflowStub(PaymentWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(order)
            .setWorkflowExecutionTimeout(Duration.ofSeconds(60)).build());
    return workflow.pay(order);
  }
}
