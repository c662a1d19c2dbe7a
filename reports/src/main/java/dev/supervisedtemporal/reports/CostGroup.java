package dev.supervisedtemporal.reports;

import java.util.List;
import java.util.Map;

/**
 * Holds the cost metrics of one scenario × backend × policy, one sample per run file:
 * {@code rssAfterStartMiB} (first {@code RESOURCES} of the run), {@code supervisorThreads}
 * (largest {@code supervisorThreads} seen in the run) and {@code supervisorCpuMsPer1000Ticks}
 * (last {@code RESOURCES} with {@code ticks > 0}: cpu ÷ ticks × 1000).
 *
 * @param key     the group; its fault kind is {@link GroupKey#COST}
 * @param metrics sample metrics by name; a metric without samples is absent
 */
public record CostGroup(GroupKey key, Map<String, Stats> metrics) {

  /** Metric names in report order. */
  public static final List<String> METRICS = List.of("rssAfterStartMiB", "supervisorThreads",
      "supervisorCpuMsPer1000Ticks");
}
