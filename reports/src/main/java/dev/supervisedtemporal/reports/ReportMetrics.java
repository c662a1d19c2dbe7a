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
    return out;
  }

  private static void addStats(Map<String, MetricPoint> out, String id, String metric, Stats s) {
    for (String stat : Stats.NAMES) {
      if (!"n".equals(stat)) {
        out.put(address(id, metric, stat), new MetricPoint(s.get(stat), s.n()));
      }
    }
  }
}
