package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Holds one metric statistic of the basic-vs-recommended comparison.
 *
 * @param metric metric name
 * @param stat   statistic name (e.g. {@code p50})
 * @param baseN  sample count on the base (basic) side
 * @param base   value on the base side
 * @param otherN sample count on the other (recommended) side
 * @param other  value on the other side
 * @param ratio  other ÷ base, or null when base is 0
 */
@API(status = INTERNAL, since = "0.1.0")
public record ComparisonRow(String metric, String stat, int baseN, double base, int otherN, double other,
              Double ratio) {
}
