package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Timer: one {@code Workflow.sleep}, measured with workflow time. */
public class TimerWorkflowImpl implements TimerWorkflow {

  @Override
  public long sleep(long millis) {
    long start = Workflow.currentTimeMillis();
    Workflow.sleep(Duration.ofMillis(millis));
    return Workflow.currentTimeMillis() - start;
  }
}
