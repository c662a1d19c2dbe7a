package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Holds one baselined number and its tolerance rule: the current run regresses when
 * {@code current > baseline * (1 + tolerance) + slack}; the entry is skipped (and the output says
 * so) when the baseline's or the current run's sample count is below {@code minSamples}.
 *
 * @param group      group id {@code scenario/backend/policy/faultKind}
 * @param metric     metric, count or value name
 * @param stat       statistic ({@code p50}, {@code p95}, ...), {@code count} or {@code value}
 * @param baseline   the baselined number (lower is better for every baselined metric)
 * @param n          sample count behind {@code baseline}
 * @param tolerance  allowed relative increase (0.25 = 25 %)
 * @param slack      allowed absolute increase on top, in the metric's unit
 * @param minSamples fewer samples than this on either side → not checked
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record BaselineEntry(String group, String metric, String stat, double baseline, int n,
              double tolerance, double slack, int minSamples) {

  /** Returns the largest current value that still passes. */
  public double limit() {
    return baseline * (1 + tolerance) + slack;
  }

  /** Returns {@code group|metric|stat}, the entry's address in a report. */
  String address() {
    return ReportMetrics.address(group, metric, stat);
  }
}
