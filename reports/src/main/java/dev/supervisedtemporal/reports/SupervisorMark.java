package dev.supervisedtemporal.reports;

/**
 * A supervisor event on a workload run's timeline.
 *
 * @param atMs ms since the run's first start
 * @param type {@code UNHEALTHY}, {@code RESTARTED}, {@code RESTART_FAILED} or {@code GAVE_UP}
 */
public record SupervisorMark(double atMs, String type) {
}
