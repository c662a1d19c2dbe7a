package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Runs a {@link GreetingChildWorkflow} and wraps its result. */
@WorkflowInterface
public interface ParentWorkflow {

  /** Returns "parent got: hello NAME". */
  @WorkflowMethod
  String run(String name);
}
