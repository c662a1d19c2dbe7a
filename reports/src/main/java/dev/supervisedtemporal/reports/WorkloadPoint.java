package dev.supervisedtemporal.reports;

/**
 * One unit of a workload run on its timeline.
 *
 * @param startMs when it was started, ms since the run's first start
 * @param latencyMs start → outcome known, or null when it never became known
 * @param outcome {@code COMPLETED}, {@code FAILED}, {@code TIMED_OUT}, {@code LOST} or {@code REJECTED}
 */
public record WorkloadPoint(double startMs, Double latencyMs, String outcome) {
}
