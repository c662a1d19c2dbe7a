package dev.supervisedtemporal.scenarios;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A workflow that greets through one activity: the end-to-end check of a scenario. */
@WorkflowInterface
public interface GreetingWorkflow {

  /** Returns the activity's greeting. */
  @WorkflowMethod
  String greet(String name);
}
