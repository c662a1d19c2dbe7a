package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.activity.ActivityInterface;

/** The activities of the scenario workflows. */
@ActivityInterface
public interface TripActivities {

  /** Returns "hello NAME". */
  String greet(String name);

  /** Fails every attempt before {@code succeedOnAttempt}, then returns "ok on attempt N". */
  String flaky(int succeedOnAttempt);

  /** Books an item and returns its booking id; the item "car" is never available. */
  String book(String item);

  /** Cancels a booking and returns "cancelled ID". */
  String cancel(String bookingId);
}
