package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** A check over a whole workload history; built-ins and user checks of a {@link Checker}. */
@FunctionalInterface
@API(status = EXPERIMENTAL)
public interface WorkloadCheck {

  /** Checks the history and names the units that failed. */
  CheckResult check(WorkloadHistory history);
}
