package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Holds the timing metrics of one group (scenario × backend × policy × fault kind), pooled over
 * every run file of that scenario/backend/policy.
 *
 * <p>Events are attributed to the fault kind of the most recent {@code FAULT_INJECTED} at or before
 * them ({@link GroupKey#NO_FAULT} before the first fault). Sample metrics ({@link #metrics}):
 * {@code detectionLatencyMs}, {@code detectionLatencyPerInterval} (÷ {@code checkIntervalMs}),
 * {@code recoveryTimeMs}, {@code recoveryPerSpawnToReady} (÷ the run's median spawn → ready)
 * — server-side recovery, measured with the manager's probe —, the user-felt recoveries
 * {@code clientRecoveryMs} (stubs kept across the fault answer), {@code workerRecoveryMs} (a worker
 * kept across completes a new workflow) and {@code inflightRecoveryMs} (a workflow in flight at
 * the fault completes), each also ÷ spawn → ready ({@code …PerSpawnToReady}),
 * {@code restartDurationMs}, {@code tickSpacingMs}, {@code tickSpacingPerInterval}. Counts
 * ({@link #counts}): {@code faults}, {@code undetected}, {@code unrecovered}, {@code restarts},
 * {@code restartFailures}, {@code giveUps}, {@code leaks}. Values ({@link #values}):
 * {@code tickDriftMs} (Σ (spacing − interval), how far the ticks fell behind a fixed-rate
 * schedule) and {@code tickDriftFraction} (|drift| ÷ Σ interval).
 *
 * @param key     the group
 * @param metrics sample metrics by name; a metric without samples is absent
 * @param counts  event counts by name
 * @param values  single derived values by name
 * @param leaks   the {@code what} of every {@code LEAK} event
 */
@API(status = INTERNAL, since = "0.1.0")
public record FaultGroup(GroupKey key, Map<String, Stats> metrics, Map<String, Long> counts,
    Map<String, Double> values, List<String> leaks) {

  /** Metric names in report order. */
  public static final List<String> METRICS = List.of("detectionLatencyMs", "detectionLatencyPerInterval",
      "recoveryTimeMs", "recoveryPerSpawnToReady", "clientRecoveryMs", "clientRecoveryPerSpawnToReady",
      "workerRecoveryMs", "workerRecoveryPerSpawnToReady", "inflightRecoveryMs",
      "inflightRecoveryPerSpawnToReady", "restartDurationMs", "tickSpacingMs", "tickSpacingPerInterval");

  /** Count names in report order. */
  public static final List<String> COUNTS = List.of("faults", "undetected", "unrecovered", "restarts",
      "restartFailures", "giveUps", "leaks");

  /** Value names in report order. */
  public static final List<String> VALUES = List.of("tickDriftMs", "tickDriftFraction");
}
