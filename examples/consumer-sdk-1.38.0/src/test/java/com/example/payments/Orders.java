package com.example.payments;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;

/** Runs this project's payment worker and pays orders through the user's own client. */
final class Orders {

  private Orders() {}

  /** Starts a payment worker (workflow and activities) on the queue; the caller shuts it down. */
  static WorkerFactory startWorker(WorkflowClient client, String queue) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(queue);
    worker.registerWorkflowImplementationTypes(PaymentWorkflowImpl.class);
    worker.registerActivitiesImplementations(new PaymentActivitiesImpl());
    factory.start();
    return factory;
  }

  /** Runs the payment workflow for the order on the task queue and returns its receipt. */
  static String pay(WorkflowClient client, String queue, String order) {
    PaymentWorkflow workflow = client.newWorkflowStub(PaymentWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(order)
            .setWorkflowExecutionTimeout(Duration.ofSeconds(60)).build());
    return workflow.pay(order);
  }
}
