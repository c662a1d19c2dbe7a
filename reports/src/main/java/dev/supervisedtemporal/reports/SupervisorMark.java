package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A supervisor event on a workload run's timeline.
 *
 * @param atMs ms since the run's first start
 * @param type {@code UNHEALTHY}, {@code RESTARTED}, {@code RESTART_FAILED} or {@code GAVE_UP}
 */
@API(status = INTERNAL, since = "0.1.0")
public record SupervisorMark(double atMs, String type) {
}
