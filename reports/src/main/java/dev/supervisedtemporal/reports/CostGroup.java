package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Holds the cost metrics of one scenario × backend × policy, one sample per run file:
 * {@code rssAfterStartMiB} (first {@code RESOURCES} of the run), {@code supervisorThreads}
 * (largest {@code supervisorThreads} seen in the run) and {@code supervisorCpuMsPer1000Ticks}
 * (last {@code RESOURCES} with {@code ticks > 0}: cpu ÷ ticks × 1000).
 *
 * @param key     the group; its fault kind is {@link GroupKey#COST}
 * @param metrics sample metrics by name; a metric without samples is absent
 */
@API(status = INTERNAL, since = "0.1.0")
public record CostGroup(GroupKey key, Map<String, Stats> metrics) {

  /** Metric names in report order. */
  public static final List<String> METRICS = List.of("rssAfterStartMiB", "supervisorThreads",
      "supervisorCpuMsPer1000Ticks");
}
