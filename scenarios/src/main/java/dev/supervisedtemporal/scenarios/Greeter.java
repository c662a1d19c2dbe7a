package dev.supervisedtemporal.scenarios;

import io.temporal.activity.ActivityInterface;

/** The activity of {@link GreetingWorkflow}. */
@ActivityInterface
public interface Greeter {

  /** Returns "hello NAME". */
  String hello(String name);
}
