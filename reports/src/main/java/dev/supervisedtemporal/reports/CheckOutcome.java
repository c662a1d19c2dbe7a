package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Holds the verdict on one baseline entry.
 *
 * @param entry    the baseline entry
 * @param status   the verdict
 * @param current  current value, or null when missing
 * @param currentN current sample count (0 when missing)
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record CheckOutcome(BaselineEntry entry, Status status, Double current, int currentN) {

  /** What the check concluded for one entry. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public enum Status {
    /** Within tolerance. */
    PASSED,
    /** Beyond tolerance: fails the check. */
    REGRESSED,
    /** Group or metric absent from the current run: fails the check. */
    MISSING,
    /** Not checked because a sample count is below the entry's minimum. */
    SKIPPED_FEW_SAMPLES,
    /** Not checked because this run did not run the entry's scenario on its backend and policy. */
    NOT_RUN
  }

  /** Returns current ÷ baseline, or null when not computable. */
  public Double ratio() {
    return current == null || entry.baseline() == 0 ? null : current / entry.baseline();
  }
}
