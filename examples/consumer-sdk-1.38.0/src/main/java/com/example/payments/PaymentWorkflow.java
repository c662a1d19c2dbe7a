package com.example.payments;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Charges one order and returns the receipt. */
@WorkflowInterface
public interface PaymentWorkflow {

  /** Charges the order. */
  @WorkflowMethod
  String pay(String order);
}
