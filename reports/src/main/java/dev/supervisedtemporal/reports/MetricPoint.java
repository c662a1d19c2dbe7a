package dev.supervisedtemporal.reports;

/**
 * Holds one checkable number of a report: its value and the sample count behind it.
 *
 * @param value the number
 * @param n     samples behind it (1 for counts)
 */
record MetricPoint(double value, int n) {
}
