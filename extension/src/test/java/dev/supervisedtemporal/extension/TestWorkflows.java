package dev.supervisedtemporal.extension;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/** A workflow and activities for the worker tests. */
public final class TestWorkflows {

  private TestWorkflows() {}

  /** Greets through one activity. */
  @WorkflowInterface
  public interface Greeting {
    /** Returns the activity's greeting. */
    @WorkflowMethod
    String greet(String name);
  }

  /** The greeting activity. */
  @ActivityInterface
  public interface Greeter {
    /** Returns a greeting. */
    String hello(String name);
  }

  /** Calls {@link Greeter#hello} once. */
  public static class GreetingImpl implements Greeting {
    private final Greeter greeter = Workflow.newActivityStub(Greeter.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public String greet(String name) {
      return greeter.hello(name);
    }
  }

  /** Says "hello NAME"; has a no-arg constructor. */
  public static class HelloGreeter implements Greeter {
    @Override
    public String hello(String name) {
      return "hello " + name;
    }
  }

  /** Says "PREFIX NAME"; needs its prefix. */
  public static class PrefixGreeter implements Greeter {
    private final String prefix;

    public PrefixGreeter(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public String hello(String name) {
      return prefix + " " + name;
    }
  }

  /** Not a workflow implementation: implements no workflow interface. */
  public static class NotAWorkflow {}
}
