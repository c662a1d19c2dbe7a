package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;

/** Child workflow: starts the child on the same task queue and waits for it. */
public class ParentWorkflowImpl implements ParentWorkflow {

  @Override
  public String run(String name) {
    GreetingChildWorkflow child = Workflow.newChildWorkflowStub(GreetingChildWorkflow.class,
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(Workflow.getInfo().getWorkflowId() + "-child")
            .build());
    return "parent got: " + child.greet(name);
  }
}
