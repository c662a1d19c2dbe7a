package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The history of one unit of a workload run.
 *
 * @param index the unit's index, from 0
 * @param workflowId the started workflow's id, or empty when the start was rejected
 * @param startNanos when the starter was called ({@link System#nanoTime()})
 * @param acceptedNanos when the start returned (accepted), or -1
 * @param completedNanos when the outcome became known, or -1
 * @param outcome how the unit ended
 * @param result the workflow's result when {@link UnitOutcome#COMPLETED}, else null
 * @param error what went wrong, or empty
 * @param activityAttempts the activity executions a recorder saw for this workflow, oldest first
 */
@API(status = EXPERIMENTAL)
public record UnitRecord(int index, String workflowId, long startNanos, long acceptedNanos,
    long completedNanos, UnitOutcome outcome, Object result, String error,
    List<ActivityAttempt> activityAttempts) {

  /** Copies the list. */
  public UnitRecord {
    activityAttempts = List.copyOf(activityAttempts);
  }

  /** Start → outcome known, or null when it never became known. */
  public Duration latency() {
    return completedNanos < 0 ? null : Duration.ofNanos(completedNanos - startNanos);
  }

  /**
   * Activity executions beyond the first per activity id: the duplicates an at-least-once
   * delivery caused (retries after a fault, or a lost completion).
   */
  public int duplicateActivityExecutions() {
    return (int) (activityAttempts.size()
        - activityAttempts.stream().map(ActivityAttempt::activityId).distinct().count());
  }

  @Override
  public String toString() {
    Duration latency = latency();
    return "unit " + index + (workflowId.isEmpty() ? "" : " (" + workflowId + ")") + " "
        + outcome + (latency == null ? "" : " after " + latency.toMillis() + " ms")
        + (outcome == UnitOutcome.COMPLETED ? " result " + result : "")
        + (error.isEmpty() ? "" : ": " + error)
        + (activityAttempts.isEmpty() ? "" : ", " + activityAttempts.size() + " activity executions");
  }
}
