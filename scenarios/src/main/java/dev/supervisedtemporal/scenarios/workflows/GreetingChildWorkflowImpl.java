package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Waits {@link #PAUSE} (a real timer), then greets through an activity. */
public class GreetingChildWorkflowImpl implements GreetingChildWorkflow {

  /** The child's pause before it greets. */
  static final Duration PAUSE = Duration.ofSeconds(1);

  @Override
  public String greet(String name) {
    Workflow.sleep(PAUSE);
    return Activities.stub(3).greet(name);
  }
}
