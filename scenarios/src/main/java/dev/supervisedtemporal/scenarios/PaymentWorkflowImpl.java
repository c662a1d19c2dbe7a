package dev.supervisedtemporal.scenarios;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Reserves, then charges, retrying each activity quickly so that a restarted server is felt. */
public class PaymentWorkflowImpl implements PaymentWorkflow {

  private final PaymentActivities activities = Workflow.newActivityStub(PaymentActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(RetryOptions.newBuilder()
              .setInitialInterval(Duration.ofMillis(200))
              .setMaximumInterval(Duration.ofSeconds(2))
              .build())
          .build());

  @Override
  public String pay(int order) {
    String reservation = activities.reserve(order);
    return activities.charge(order, reservation);
  }
}
