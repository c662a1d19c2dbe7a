package dev.supervisedtemporal.reports;

/**
 * Holds one tick spacing of a run for the "over time" chart.
 *
 * @param atMs      time of the later tick, milliseconds after the run's first tick
 * @param spacingMs spacing to the previous tick in milliseconds
 */
public record TickPoint(double atMs, double spacingMs) {
}
