package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/** Books the items of a trip in order; when one cannot be booked, cancels the others. */
@WorkflowInterface
public interface TripWorkflow {

  /**
   * Returns the bookings when all succeed, else what was done to compensate, in order:
   * {@code ["failed: ...", "cancelled flight-booking", "cancelled hotel-booking"]}.
   */
  @WorkflowMethod
  List<String> book(List<String> items);
}
