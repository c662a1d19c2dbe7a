package dev.supervisedtemporal.reports;

import java.util.List;

/**
 * Holds the default tolerance of one baselined metric statistic, which {@code update-baseline}
 * applies to entries it creates (existing entries keep their hand-tuned tolerances).
 *
 * <p>Timing rules use the run-normalised metrics (÷ check interval, ÷ measured spawn → ready) so a
 * slower machine alone does not fail the check; counts of bad things must not grow at all.
 */
record BaselineRule(String metric, String stat, double tolerance, double slack, int minSamples) {

  /** The default rules for fault groups. */
  static final List<BaselineRule> FAULT_GROUP = List.of(
      // A polling supervisor detects a crash anywhere within one interval, depending on where
      // the kill lands between ticks: a quarter interval of slack keeps that phase noise out,
      // while exit-event detection (~0.01 interval) falling back to polling (~0.5) still fails.
      // On a shared 2-core machine a p50 of five samples still moved by 2x run to run: a group
      // is checked from ten samples (p50) or fifteen (p95) on, which the gate's repeats give
      // the cheap scenarios; the pooled key figures below cover the rest.
      new BaselineRule("detectionLatencyPerInterval", "p50", 0.25, 0.25, 10),
      new BaselineRule("detectionLatencyPerInterval", "p95", 0.50, 0.25, 15),
      // Crash-loop backoffs are fixed ms, so ÷ spawn moved ~2x with the load (1.51 -> 2.93 for
      // five kills in a row): the p50 allows 2x + 1; a 1.5 s backoff still shows as 5x.
      new BaselineRule("recoveryPerSpawnToReady", "p50", 1.00, 1.00, 10),
      // Recovery tails hold crash-loop backoffs (fixed ms, not scaled by a slow spawn): ÷ spawn
      // moves ~2x with the machine's load, so the p95 only catches a gross blow-up.
      new BaselineRule("recoveryPerSpawnToReady", "p95", 1.00, 2.00, 15),
      // User-felt recovery (stubs kept across the fault, a worker started before it) moves with
      // the same load as the server-side figure, so it gets the same slack.
      new BaselineRule("clientRecoveryPerSpawnToReady", "p50", 1.00, 1.00, 10),
      new BaselineRule("clientRecoveryPerSpawnToReady", "p95", 1.00, 2.00, 15),
      new BaselineRule("workerRecoveryPerSpawnToReady", "p50", 1.00, 1.00, 10),
      new BaselineRule("workerRecoveryPerSpawnToReady", "p95", 1.00, 2.00, 15),
      // Tick cadence: the median spacing catches a changed interval or a fixed-delay schedule;
      // the tail and the drift follow the machine's load (p99 went 0.18 -> 1.0 of an interval
      // at load 18 on 2 cores), so they only catch gross stalls.
      new BaselineRule("tickSpacingPerInterval", "p50", 0.10, 0.05, 20),
      new BaselineRule("tickSpacingPerInterval", "p95", 0.50, 0.25, 20),
      new BaselineRule("tickSpacingPerInterval", "p99", 1.00, 0.50, 50),
      new BaselineRule("tickDriftFraction", "value", 1.00, 0.05, 20),
      new BaselineRule("undetected", "count", 0, 0, 1),
      new BaselineRule("unrecovered", "count", 0, 0, 1),
      new BaselineRule("giveUps", "count", 0, 0, 1),
      new BaselineRule("leaks", "count", 0, 0, 1));

  /**
   * The default rules for the key figures (pooled over every scenario of a backend × policy, so
   * they have the samples a shared 2-core CI machine needs to tell a regression from noise).
   */
  static final List<BaselineRule> KEY_FIGURES = List.of(
      new BaselineRule("detectionPerInterval", "p95", 0.50, 0.25, 10),
      new BaselineRule("hangDetectionPerInterval", "p95", 0.50, 0.50, 4),
      // Recovery ÷ spawn swung 5.3 -> 9.7 -> 14.2 at p95 between normal runs: hang and port-thief
      // recoveries are interval-bound, not spawn-bound. The gate's recovery figure is the
      // overhead the supervisor adds (recovery − the restart's spawn → ready) ÷ interval.
      new BaselineRule("recoveryOverheadPerInterval", "p50", 1.00, 0.25, 10),
      new BaselineRule("clientRecoveryPerSpawn", "p50", 0.50, 0.50, 10),
      new BaselineRule("clientRecoveryPerSpawn", "p95", 1.00, 2.00, 10),
      new BaselineRule("workerRecoveryPerSpawn", "p50", 0.50, 0.50, 10),
      new BaselineRule("workerRecoveryPerSpawn", "p95", 1.00, 2.00, 10),
      new BaselineRule("tickJitterPerInterval", "p50", 1.00, 0.05, 50),
      new BaselineRule("tickJitterPerInterval", "p99", 3.00, 0.50, 50),
      new BaselineRule("cpuMsPer1000Ticks", "p50", 2.00, 10, 3));

  /** The default rules for cost groups. */
  static final List<BaselineRule> COST_GROUP = List.of(
      new BaselineRule("supervisorThreads", "max", 0, 0, 1),
      new BaselineRule("rssAfterStartMiB", "p50", 0.25, 8, 1),
      // CPU per tick moved 2.3x between normal runs of one scenario on a loaded 2-core machine:
      // three runs (the gate's repeats) and a 3x bound catch a busy loop, not the load.
      new BaselineRule("supervisorCpuMsPer1000Ticks", "p50", 2.0, 5, 3));
}
