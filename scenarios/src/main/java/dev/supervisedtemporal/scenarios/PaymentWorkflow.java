package dev.supervisedtemporal.scenarios;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A payment: reserve the amount, charge it, and return a receipt. The chaos workload's unit. */
@WorkflowInterface
public interface PaymentWorkflow {

  /** Pays order {@code order} and returns {@link Payments#receipt(int)}. */
  @WorkflowMethod
  String pay(int order);
}
