package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

/**
 * The activities, stateless: a retry's outcome depends only on the attempt number the server
 * keeps, so a restarted server (with its history) sees the same behaviour.
 */
public class TripActivitiesImpl implements TripActivities {

  /** The item that can never be booked: the saga's failing step. */
  public static final String UNAVAILABLE = "car";

  @Override
  public String greet(String name) {
    return "hello " + name;
  }

  @Override
  public String flaky(int succeedOnAttempt) {
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    if (attempt < succeedOnAttempt) {
      throw ApplicationFailure.newFailure("attempt " + attempt + " fails on purpose", "Flaky");
    }
    return "ok on attempt " + attempt;
  }

  @Override
  public String book(String item) {
    if (UNAVAILABLE.equals(item)) {
      throw ApplicationFailure.newNonRetryableFailure("no " + item + " available", "SoldOut");
    }
    return item + "-booking";
  }

  @Override
  public String cancel(String bookingId) {
    return "cancelled " + bookingId;
  }
}
