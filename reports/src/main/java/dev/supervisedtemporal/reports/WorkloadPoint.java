package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One unit of a workload run on its timeline.
 *
 * @param startMs when it was started, ms since the run's first start
 * @param latencyMs start → outcome known, or null when it never became known
 * @param outcome {@code COMPLETED}, {@code FAILED}, {@code TIMED_OUT}, {@code LOST} or {@code REJECTED}
 */
@API(status = INTERNAL, since = "0.1.0")
public record WorkloadPoint(double startMs, Double latencyMs, String outcome) {
}
