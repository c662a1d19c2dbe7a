package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The child of {@link ParentWorkflow}: waits a moment, then greets through an activity. */
@WorkflowInterface
public interface GreetingChildWorkflow {

  /** Returns "hello NAME". */
  @WorkflowMethod
  String greet(String name);
}
