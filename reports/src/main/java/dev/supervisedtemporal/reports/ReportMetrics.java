package dev.supervisedtemporal.reports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens a report into addressable numbers for the baseline check: the address is
 * {@code group id | metric | stat}, where stat is a {@link Stats} name for sample metrics,
 * {@code count} for counts and {@code value} for single values.
 */
final class ReportMetrics {

  private ReportMetrics() {
  }

  /** Returns the address of one number. */
  static String address(String groupId, String metric, String stat) {
    return groupId + "|" + metric + "|" + stat;
  }

  /** Returns every checkable number of {@code report} by address. */
  static Map<String, MetricPoint> flatten(TimingReport report) {
    Map<String, MetricPoint> out = new LinkedHashMap<>();
    for (FaultGroup g : report.groups()) {
      String id = g.key().id();
      g.metrics().forEach((metric, s) -> addStats(out, id, metric, s));
      g.counts().forEach((name, c) -> out.put(address(id, name, "count"), new MetricPoint(c, 1)));
      Stats ticks = g.metrics().get("tickSpacingMs");
      int tickN = ticks == null ? 0 : ticks.n();
      g.values().forEach((name, v) -> out.put(address(id, name, "value"), new MetricPoint(v, tickN)));
    }
    for (CostGroup g : report.costs()) {
      String id = g.key().id();
      g.metrics().forEach((metric, s) -> addStats(out, id, metric, s));
    }
    for (KeyFigures k : report.keyFigures()) {
      String id = keyFiguresGroup(k.backend(), k.policy());
      k.figures().forEach((figure, s) -> addStats(out, id, figure, s));
    }
    return out;
  }

  /**
   * Returns the group id of a backend × policy's key figures, {@code KEY/backend/policy/all}: the
   * pseudo scenario {@value #KEY_SCENARIO} pools every scenario of the run.
   */
  static String keyFiguresGroup(String backend, String policy) {
    return new GroupKey(KEY_SCENARIO, backend, policy, "all").id();
  }

  /** The pseudo scenario name of the key-figure groups. */
  static final String KEY_SCENARIO = "KEY";

  private static void addStats(Map<String, MetricPoint> out, String id, String metric, Stats s) {
    for (String stat : Stats.NAMES) {
      if (!"n".equals(stat)) {
        out.put(address(id, metric, stat), new MetricPoint(s.get(stat), s.n()));
      }
    }
  }
}
