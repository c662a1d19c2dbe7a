package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Compares a run's report with a baseline and decides, entry by entry, whether it regressed.
 *
 * <p>Per entry: the run did not run the entry's scenario on its backend at all, with any policy
 * (a subset run, or no CLI installed) → {@code NOT_RUN} (listed, never fails); missing in a run
 * that did — e.g. a whole policy vanished — → {@code MISSING} (fails: a metric that vanished could hide a regression); either sample count below {@code minSamples} → {@code SKIPPED_FEW_SAMPLES} (listed,
 * never fails); {@code current > baseline * (1 + tolerance) + slack} → {@code REGRESSED} (fails);
 * otherwise {@code PASSED}.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class BaselineCheck {

  private BaselineCheck() {
  }

  /** Checks {@code report} against {@code baseline}. */
  public static CheckResult check(TimingReport report, Baseline baseline) {
    Map<String, MetricPoint> points = ReportMetrics.flatten(report);
    // scenario/backend pairs this run ran at all (any policy); KEY stands for any scenario.
    Set<String> ran = new HashSet<>();
    for (RunSummary r : report.runs()) {
      ran.add(r.scenario() + "/" + r.backend());
      ran.add(ReportMetrics.KEY_SCENARIO + "/" + r.backend());
    }
    List<CheckOutcome> outcomes = new ArrayList<>();
    Set<String> baselinedGroups = new LinkedHashSet<>();
    for (BaselineEntry e : baseline.entries()) {
      baselinedGroups.add(e.group());
      MetricPoint p = points.get(e.address());
      String[] parts = e.group().split("/");
      String scenarioBackend = parts.length < 2 ? e.group() : parts[0] + "/" + parts[1];
      if (p == null && !ran.contains(scenarioBackend)) {
        outcomes.add(new CheckOutcome(e, CheckOutcome.Status.NOT_RUN, null, 0));
      } else if (p == null && e.n() < e.minSamples()) {
        // Never checkable (the baseline itself has too few samples): absent is no evidence.
        outcomes.add(new CheckOutcome(e, CheckOutcome.Status.SKIPPED_FEW_SAMPLES, null, 0));
      } else if (p == null) {
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
