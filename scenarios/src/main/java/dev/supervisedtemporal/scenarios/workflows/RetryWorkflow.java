package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Calls an activity that fails its first attempts. */
@WorkflowInterface
public interface RetryWorkflow {

  /** Returns "ok on attempt N" with N = {@code succeedOnAttempt}. */
  @WorkflowMethod
  String run(int succeedOnAttempt);
}
