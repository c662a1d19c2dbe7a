package dev.supervisedtemporal.scenarios;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Runs {@link Greeter#hello} once and returns its result. */
public class GreetingWorkflowImpl implements GreetingWorkflow {

  private final Greeter greeter = Workflow.newActivityStub(Greeter.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

  @Override
  public String greet(String name) {
    return greeter.hello(name);
  }
}
