package dev.supervisedtemporal.chaos.workload;

/** A check over a whole workload history; built-ins and user checks of a {@link Checker}. */
@FunctionalInterface
public interface WorkloadCheck {

  /** Checks the history and names the units that failed. */
  CheckResult check(WorkloadHistory history);
}
