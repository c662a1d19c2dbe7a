package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Holds one tick spacing of a run for the "over time" chart.
 *
 * @param atMs      time of the later tick, milliseconds after the run's first tick
 * @param spacingMs spacing to the previous tick in milliseconds
 */
@API(status = INTERNAL, since = "0.1.0")
public record TickPoint(double atMs, double spacingMs) {
}
