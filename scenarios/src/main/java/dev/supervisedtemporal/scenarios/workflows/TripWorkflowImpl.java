package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Saga: books each item (with a short pause between bookings), registering its cancellation;
 * when a booking fails, runs the cancellations in reverse order.
 */
public class TripWorkflowImpl implements TripWorkflow {

  /** The pause between two bookings: real time, short. */
  static final Duration BETWEEN_BOOKINGS = Duration.ofMillis(500);

  @Override
  public List<String> book(List<String> items) {
    TripActivities activities = Activities.stub(3);
    List<String> done = new ArrayList<>();
    Saga saga = new Saga(new Saga.Options.Builder().build());
    List<String> bookings = new ArrayList<>();
    try {
      for (String item : items) {
        String booking = activities.book(item);
        bookings.add(booking);
        saga.addCompensation(() -> {
          done.add(activities.cancel(booking));
        });
        Workflow.sleep(BETWEEN_BOOKINGS);
      }
      return bookings;
    } catch (ActivityFailure e) {
      String reason = e.getCause() instanceof ApplicationFailure a
          ? a.getOriginalMessage() : String.valueOf(e.getCause());
      done.add("failed: " + reason);
      saga.compensate();
      return done;
    }
  }
}
