package dev.supervisedtemporal.events;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Names the fields of timing events, as written in the JSON lines; which event carries which
 * field, of which kind, is declared by {@link TimingEventType#fields()}.
 */
@API(status = STABLE, since = "0.1.0")
public final class TimingFields {

  /** Common: the schema version. */
  public static final String V = "v";
  /** Common: monotonic time in nanoseconds, comparable only within one file. */
  public static final String T = "t";
  /** Common: ISO-8601 instant, for people. */
  public static final String WALL = "wall";
  /** Common: the event type, a {@link TimingEventType} name (or a newer one). */
  public static final String TYPE = "type";
  /** Common: the scenario or test-class name. */
  public static final String SCENARIO = "scenario";
  /** Common: {@code embedded}, {@code cli} or {@code external}. */
  public static final String BACKEND = "backend";
  /** Common: {@code basic}, {@code recommended} or {@code custom}. */
  public static final String POLICY = "policy";

  /** The fields every line carries first, in this order. */
  public static final List<String> COMMON = List.of(V, T, WALL, TYPE, SCENARIO, BACKEND, POLICY);

  /** The supervisor's health-check interval in ms. */
  public static final String CHECK_INTERVAL_MS = "checkIntervalMs";
  /** The health probe's timeout in ms. */
  public static final String PROBE_TIMEOUT_MS = "probeTimeoutMs";
  /** The initial restart backoff in ms. */
  public static final String BACKOFF_MS = "backoffMs";
  /** The scale factor applied to the basic policy, 1 when none. */
  public static final String POLICY_SCALE = "policyScale";
  /** The JDK version. */
  public static final String JDK = "jdk";
  /** The host name. */
  public static final String HOST = "host";
  /** The random seed of a chaos schedule or workload, or null. */
  public static final String SEED = "seed";
  /** A process id. */
  public static final String PID = "pid";
  /** Spawn → ready of a server, in ms. */
  public static final String SPAWN_TO_READY_MS = "spawnToReadyMs";
  /** Whether the server started from the class-data archive. */
  public static final String FAST_START = "fastStart";
  /** Whether a health check passed. */
  public static final String HEALTHY = "healthy";
  /** Why: a failed check, restart or give-up. */
  public static final String REASON = "reason";
  /** The supervisor's restart attempt number. */
  public static final String ATTEMPT = "attempt";
  /** A wait in ms. */
  public static final String DELAY_MS = "delayMs";
  /** The fault's id, unique in the file. */
  public static final String FAULT_ID = "faultId";
  /** The kind of fault ({@code KILL}, {@code SUSPEND}, ...). */
  public static final String FAULT = "fault";
  /** A helper process of a fault (thief, decoy, lock holder). */
  public static final String HELPER_PID = "helperPid";
  /** What a fault did, or why it was refused. */
  public static final String DETAIL = "detail";
  /** Resident memory of the server in bytes. */
  public static final String RSS_BYTES = "rssBytes";
  /** The supervisor's threads. */
  public static final String SUPERVISOR_THREADS = "supervisorThreads";
  /** CPU time of the supervisor's threads in ns. */
  public static final String SUPERVISOR_CPU_NS = "supervisorCpuNs";
  /** Health checks done. */
  public static final String TICKS = "ticks";
  /** What leaked. */
  public static final String WHAT = "what";
  /** The workload's name. */
  public static final String WORKLOAD = "workload";
  /** A workload unit's index. */
  public static final String UNIT = "unit";
  /** A workload unit's workflow id. */
  public static final String WORKFLOW_ID = "workflowId";
  /** An outcome: of a workload unit, or of the run unit. */
  public static final String OUTCOME = "outcome";
  /** Start → accepted of a workload unit in ms, or null. */
  public static final String ACCEPT_MS = "acceptMs";
  /** Start → outcome known of a workload unit in ms, or null. */
  public static final String LATENCY_MS = "latencyMs";
  /** Activity executions of a workload unit. */
  public static final String ACTIVITY_EXECUTIONS = "activityExecutions";
  /** Activity executions beyond the first of the same activity. */
  public static final String DUPLICATE_ACTIVITY_EXECUTIONS = "duplicateActivityExecutions";
  /** Faults: ids of those overlapping a unit, or a count in a verdict. */
  public static final String FAULTS = "faults";
  /** Why a workload unit did not complete. */
  public static final String ERROR = "error";
  /** A workload check's name. */
  public static final String CHECK = "check";
  /** Whether a check or workload passed. */
  public static final String PASSED = "passed";
  /** How many units a check failed. */
  public static final String FAILED = "failed";
  /** Units: indexes of the failed ones in a check, or a count in a verdict. */
  public static final String UNITS = "units";
  /** A check's summary. */
  public static final String SUMMARY = "summary";
  /** Units lost. */
  public static final String LOST = "lost";
  /** Whether the lost units were expected (an in-memory backend). */
  public static final String LOST_EXPECTED = "lostExpected";
  /** Units with a wrong result. */
  public static final String WRONG = "wrong";
  /** Completed units a fault overlapped. */
  public static final String DURING_N = "duringN";
  /** Their median latency in ms, or null. */
  public static final String DURING_P50_MS = "duringP50Ms";
  /** Their 95th-percentile latency in ms, or null. */
  public static final String DURING_P95_MS = "duringP95Ms";
  /** Completed units no fault overlapped. */
  public static final String OUTSIDE_N = "outsideN";
  /** Their median latency in ms, or null. */
  public static final String OUTSIDE_P50_MS = "outsideP50Ms";
  /** Their 95th-percentile latency in ms, or null. */
  public static final String OUTSIDE_P95_MS = "outsideP95Ms";
  /** The run unit's duration in ms. */
  public static final String DURATION_MS = "durationMs";
  /** What failed the run unit, or null. */
  public static final String MESSAGE = "message";

  private TimingFields() {
  }
}
