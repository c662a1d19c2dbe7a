package dev.supervisedtemporal.reports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a run's report with a baseline and decides, entry by entry, whether it regressed.
 *
 * <p>Per entry: missing in the run → {@code MISSING} (fails: a metric that vanished could hide a
 * regression); either sample count below {@code minSamples} → {@code SKIPPED_FEW_SAMPLES} (listed,
 * never fails); {@code current > baseline * (1 + tolerance) + slack} → {@code REGRESSED} (fails);
 * otherwise {@code PASSED}.
 */
public final class BaselineCheck {

  private BaselineCheck() {
  }

  /** Checks {@code report} against {@code baseline}. */
  public static CheckResult check(TimingReport report, Baseline baseline) {
    Map<String, MetricPoint> points = ReportMetrics.flatten(report);
    List<CheckOutcome> outcomes = new ArrayList<>();
    Set<String> baselinedGroups = new LinkedHashSet<>();
    for (BaselineEntry e : baseline.entries()) {
      baselinedGroups.add(e.group());
      MetricPoint p = points.get(e.address());
      if (p == null) {
        outcomes.add(new CheckOutcome(e, CheckOutcome.Status.MISSING, null, 0));
      } else if (p.n() < e.minSamples() || e.n() < e.minSamples()) {
        outcomes.add(new CheckOutcome(e, CheckOutcome.Status.SKIPPED_FEW_SAMPLES, p.value(), p.n()));
      } else if (p.value() > e.limit()) {
        outcomes.add(new CheckOutcome(e, CheckOutcome.Status.REGRESSED, p.value(), p.n()));
      } else {
        outcomes.add(new CheckOutcome(e, CheckOutcome.Status.PASSED, p.value(), p.n()));
      }
    }
    List<String> newGroups = new ArrayList<>();
    for (FaultGroup g : report.groups()) {
      if (!baselinedGroups.contains(g.key().id())) {
        newGroups.add(g.key().id());
      }
    }
    for (CostGroup g : report.costs()) {
      if (!baselinedGroups.contains(g.key().id())) {
        newGroups.add(g.key().id());
      }
    }
    return new CheckResult(List.copyOf(outcomes), List.copyOf(newGroups));
  }
}
