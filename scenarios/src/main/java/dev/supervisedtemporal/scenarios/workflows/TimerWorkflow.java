package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Sleeps on a durable timer. */
@WorkflowInterface
public interface TimerWorkflow {

  /** Sleeps {@code millis} of workflow time and returns the workflow time that passed. */
  @WorkflowMethod
  long sleep(long millis);
}
