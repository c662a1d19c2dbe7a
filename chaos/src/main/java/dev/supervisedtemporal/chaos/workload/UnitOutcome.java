package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How one unit of a {@link Workload} ended. */
@API(status = EXPERIMENTAL)
public enum UnitOutcome {
  /** The workflow completed and its result was read. */
  COMPLETED,
  /** The workflow failed, was terminated or cancelled, or reading its result failed. */
  FAILED,
  /** The workflow timed out, or its result did not arrive within the unit timeout. */
  TIMED_OUT,
  /** The server accepted the start but no longer knows the workflow (lost by a restart). */
  LOST,
  /** The start was never accepted: the starter threw. */
  REJECTED
}
