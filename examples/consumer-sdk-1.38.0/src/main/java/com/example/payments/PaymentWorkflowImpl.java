package com.example.payments;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Runs the charge activity once. */
public class PaymentWorkflowImpl implements PaymentWorkflow {

  private final PaymentActivities activities = Workflow.newActivityStub(PaymentActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

  @Override
  public String pay(String order) {
    return activities.charge(order);
  }
}
