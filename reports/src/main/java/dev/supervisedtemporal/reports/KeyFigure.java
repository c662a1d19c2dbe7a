package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Names one key figure of the report's headline: what it measures, its unit, the statistic the
 * headline shows, and whether lower is better (it always is here).
 *
 * <p>Each timing figure comes twice: in milliseconds for people, and normalised within the same
 * run (÷ the check interval, or ÷ the run's median spawn → ready) for the baseline gate, so a
 * slower machine alone does not look like a regression.
 */
@API(status = INTERNAL, since = "0.1.0")
public enum KeyFigure {
  /** Fault (KILL or TERMINATE) → supervisor marks unhealthy. */
  DETECTION("detectionMs", "crash detection", "ms", "p95"),
  /** {@link #DETECTION} ÷ the run's check interval. */
  DETECTION_PER_INTERVAL("detectionPerInterval", "crash detection ÷ interval", "×", "p95"),
  /** Fault (SUSPEND or HANG) → supervisor marks unhealthy. */
  HANG_DETECTION("hangDetectionMs", "hang detection", "ms", "p95"),
  /** {@link #HANG_DETECTION} ÷ the run's check interval. */
  HANG_DETECTION_PER_INTERVAL("hangDetectionPerInterval", "hang detection ÷ interval", "×", "p95"),
  /** Fault → the harness's own probe RPC succeeds ({@code RPC_RECOVERED}). */
  SERVER_RECOVERY("serverRecoveryMs", "server-side recovery", "ms", "p95"),
  /** {@link #SERVER_RECOVERY} ÷ the run's median spawn → ready. */
  SERVER_RECOVERY_PER_SPAWN("serverRecoveryPerSpawn", "server-side recovery ÷ spawn", "×", "p95"),
  /**
   * Server-side recovery minus the spawn → ready of the restart that ended it: what the
   * supervisor itself adds (detection, backoff, reconnect), free of how fast the machine spawns.
   */
  RECOVERY_OVERHEAD("recoveryOverheadMs", "recovery overhead", "ms", "p50"),
  /** {@link #RECOVERY_OVERHEAD} ÷ the run's check interval: the gate's recovery figure. */
  RECOVERY_OVERHEAD_PER_INTERVAL("recoveryOverheadPerInterval", "recovery overhead ÷ interval", "×", "p50"),
  /** Fault → the user's client, created before the fault, succeeds ({@code CLIENT_RECOVERED}). */
  CLIENT_RECOVERY("clientRecoveryMs", "client recovery (user-felt)", "ms", "p95"),
  /** {@link #CLIENT_RECOVERY} ÷ the run's median spawn → ready. */
  CLIENT_RECOVERY_PER_SPAWN("clientRecoveryPerSpawn", "client recovery ÷ spawn", "×", "p95"),
  /** Fault → the user's worker, started before the fault, completes work ({@code WORKER_RECOVERED}). */
  WORKER_RECOVERY("workerRecoveryMs", "worker recovery (user-felt)", "ms", "p95"),
  /** {@link #WORKER_RECOVERY} ÷ the run's median spawn → ready. */
  WORKER_RECOVERY_PER_SPAWN("workerRecoveryPerSpawn", "worker recovery ÷ spawn", "×", "p95"),
  /** |tick spacing − interval|, ticks not spanning a restart. */
  TICK_JITTER("tickJitterMs", "tick jitter", "ms", "p99"),
  /** {@link #TICK_JITTER} ÷ the run's check interval. */
  TICK_JITTER_PER_INTERVAL("tickJitterPerInterval", "tick jitter ÷ interval", "×", "p99"),
  /** Supervisor thread CPU per 1000 ticks, one sample per run (last {@code RESOURCES}). */
  SUPERVISOR_CPU("cpuMsPer1000Ticks", "supervisor CPU / 1000 ticks", "ms", "p50"),
  /** Spawn → ready of every start and restart: the normaliser of the recovery figures. */
  SPAWN_TO_READY("spawnToReadyMs", "spawn → ready", "ms", "p50");

  /** The figures the headline shows, in order (the normalised twins go to the gate and trends). */
  public static final List<KeyFigure> HEADLINE = List.of(DETECTION, HANG_DETECTION, SERVER_RECOVERY,
      RECOVERY_OVERHEAD, CLIENT_RECOVERY, WORKER_RECOVERY, TICK_JITTER, SUPERVISOR_CPU, SPAWN_TO_READY);

  /** The run-normalised figures the baseline gate and the history trends use. */
  public static final List<KeyFigure> NORMALISED = List.of(DETECTION_PER_INTERVAL,
      HANG_DETECTION_PER_INTERVAL, SERVER_RECOVERY_PER_SPAWN, RECOVERY_OVERHEAD_PER_INTERVAL,
      CLIENT_RECOVERY_PER_SPAWN,
      WORKER_RECOVERY_PER_SPAWN, TICK_JITTER_PER_INTERVAL);

  private final String id;
  private final String label;
  private final String unit;
  private final String stat;

  KeyFigure(String id, String label, String unit, String stat) {
    this.id = id;
    this.label = label;
    this.unit = unit;
    this.stat = stat;
  }

  /** Returns the name used in report.json, baselines and history files. */
  public String id() {
    return id;
  }

  /** Returns the label people read. */
  public String label() {
    return label;
  }

  /** Returns the unit ({@code ms}, or {@code ×} for a ratio). */
  public String unit() {
    return unit;
  }

  /** Returns the statistic the headline shows ({@code p95}, {@code p99} or {@code p50}). */
  public String stat() {
    return stat;
  }

  /** Returns the figure called {@code id}, or null. */
  static KeyFigure byId(String id) {
    for (KeyFigure f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    return null;
  }
}
