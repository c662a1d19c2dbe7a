package dev.supervisedtemporal.events;

import static dev.supervisedtemporal.events.TimingField.Kind.BOOLEAN;
import static dev.supervisedtemporal.events.TimingField.Kind.INTEGER;
import static dev.supervisedtemporal.events.TimingField.Kind.LIST;
import static dev.supervisedtemporal.events.TimingField.Kind.NUMBER;
import static dev.supervisedtemporal.events.TimingField.Kind.STRING;
import static dev.supervisedtemporal.events.TimingField.optional;
import static dev.supervisedtemporal.events.TimingField.required;
import static dev.supervisedtemporal.events.TimingFields.ACCEPT_MS;
import static dev.supervisedtemporal.events.TimingFields.ACTIVITY_EXECUTIONS;
import static dev.supervisedtemporal.events.TimingFields.ATTEMPT;
import static dev.supervisedtemporal.events.TimingFields.BACKOFF_MS;
import static dev.supervisedtemporal.events.TimingFields.CHECK;
import static dev.supervisedtemporal.events.TimingFields.CHECK_INTERVAL_MS;
import static dev.supervisedtemporal.events.TimingFields.DELAY_MS;
import static dev.supervisedtemporal.events.TimingFields.DETAIL;
import static dev.supervisedtemporal.events.TimingFields.DUPLICATE_ACTIVITY_EXECUTIONS;
import static dev.supervisedtemporal.events.TimingFields.DURATION_MS;
import static dev.supervisedtemporal.events.TimingFields.DURING_N;
import static dev.supervisedtemporal.events.TimingFields.DURING_P50_MS;
import static dev.supervisedtemporal.events.TimingFields.DURING_P95_MS;
import static dev.supervisedtemporal.events.TimingFields.ERROR;
import static dev.supervisedtemporal.events.TimingFields.FAILED;
import static dev.supervisedtemporal.events.TimingFields.FAST_START;
import static dev.supervisedtemporal.events.TimingFields.FAULT;
import static dev.supervisedtemporal.events.TimingFields.FAULTS;
import static dev.supervisedtemporal.events.TimingFields.FAULT_ID;
import static dev.supervisedtemporal.events.TimingFields.HELPER_PID;
import static dev.supervisedtemporal.events.TimingFields.HOST;
import static dev.supervisedtemporal.events.TimingFields.JDK;
import static dev.supervisedtemporal.events.TimingFields.LATENCY_MS;
import static dev.supervisedtemporal.events.TimingFields.LOST;
import static dev.supervisedtemporal.events.TimingFields.LOST_EXPECTED;
import static dev.supervisedtemporal.events.TimingFields.MESSAGE;
import static dev.supervisedtemporal.events.TimingFields.OUTCOME;
import static dev.supervisedtemporal.events.TimingFields.OUTSIDE_N;
import static dev.supervisedtemporal.events.TimingFields.OUTSIDE_P50_MS;
import static dev.supervisedtemporal.events.TimingFields.OUTSIDE_P95_MS;
import static dev.supervisedtemporal.events.TimingFields.PASSED;
import static dev.supervisedtemporal.events.TimingFields.PID;
import static dev.supervisedtemporal.events.TimingFields.PROBE_TIMEOUT_MS;
import static dev.supervisedtemporal.events.TimingFields.REASON;
import static dev.supervisedtemporal.events.TimingFields.RSS_BYTES;
import static dev.supervisedtemporal.events.TimingFields.SEED;
import static dev.supervisedtemporal.events.TimingFields.POLICY_SCALE;
import static dev.supervisedtemporal.events.TimingFields.SPAWN_TO_READY_MS;
import static dev.supervisedtemporal.events.TimingFields.SUMMARY;
import static dev.supervisedtemporal.events.TimingFields.SUPERVISOR_CPU_NS;
import static dev.supervisedtemporal.events.TimingFields.SUPERVISOR_THREADS;
import static dev.supervisedtemporal.events.TimingFields.TICKS;
import static dev.supervisedtemporal.events.TimingFields.UNIT;
import static dev.supervisedtemporal.events.TimingFields.UNITS;
import static dev.supervisedtemporal.events.TimingFields.WHAT;
import static dev.supervisedtemporal.events.TimingFields.WORKFLOW_ID;
import static dev.supervisedtemporal.events.TimingFields.WORKLOAD;
import static dev.supervisedtemporal.events.TimingFields.WRONG;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Names every type of timing event the harness writes (the {@code type} field of a line) and
 * declares each type's own fields, in the order they are written; {@code docs/timing-events.md}
 * documents them. Readers ignore types they do not know, so a line's type may also be a newer name.
 */
@API(status = STABLE, since = "0.1.0")
public enum TimingEventType {
  /** The harness, first line: the policy's timing and where the run happened. */
  RUN_META(required(CHECK_INTERVAL_MS, NUMBER), required(PROBE_TIMEOUT_MS, NUMBER),
      required(BACKOFF_MS, NUMBER), required(POLICY_SCALE, NUMBER), required(JDK, STRING),
      required(HOST, STRING), optional(SEED, INTEGER)),
  /** The manager: the first server is ready. */
  SERVER_READY(required(PID, INTEGER), required(SPAWN_TO_READY_MS, NUMBER),
      required(FAST_START, BOOLEAN)),
  /** The supervisor began watching. */
  STARTED,
  /** The supervisor: one health check finished. */
  TICK(required(TimingFields.HEALTHY, BOOLEAN)),
  /** The supervisor: healthy again after having been unhealthy. */
  HEALTHY,
  /** The supervisor: the server was marked unhealthy. */
  UNHEALTHY(required(REASON, STRING)),
  /** The supervisor: a restart begins. */
  RESTART_ATTEMPT(required(ATTEMPT, INTEGER)),
  /** The supervisor: a restart succeeded. */
  RESTARTED(required(PID, INTEGER), required(SPAWN_TO_READY_MS, NUMBER)),
  /** The supervisor: a restart failed. */
  RESTART_FAILED(required(REASON, STRING)),
  /** The supervisor waits before a restart. */
  BACKOFF(required(DELAY_MS, NUMBER)),
  /** The supervisor: a foreign process holds the port; it waits, this is not a restart. */
  PORT_HELD(required(PID, INTEGER), required(REASON, STRING), required(DELAY_MS, NUMBER)),
  /** The supervisor stopped trying. */
  GAVE_UP(required(REASON, STRING)),
  /** The supervisor stopped. */
  STOPPED,
  /** Chaos: a fault was injected. */
  FAULT_INJECTED(chaosFields()),
  /** Chaos: a fault was undone. */
  FAULT_HEALED(chaosFields()),
  /** Chaos: a fault was refused; nothing was injected. */
  FAULT_REFUSED(chaosFields()),
  /** Server-side recovery: the manager's own probe answered after the fault. */
  RPC_RECOVERED(chaosFields()),
  /** User-felt recovery: stubs created before the fault answered after it. */
  CLIENT_RECOVERED(chaosFields()),
  /** A worker started before the fault completed a new workflow. */
  WORKER_RECOVERED(chaosFields()),
  /** A workflow in flight at the fault completed (persistent backends). */
  INFLIGHT_RECOVERED(chaosFields()),
  /** The harness: what the server and the supervisor cost. */
  RESOURCES(required(RSS_BYTES, INTEGER), required(SUPERVISOR_THREADS, INTEGER),
      required(SUPERVISOR_CPU_NS, INTEGER), required(TICKS, INTEGER)),
  /** The harness: something outlived the run unit. */
  LEAK(required(WHAT, STRING)),
  /** A workload run, at a unit's start: the unit's outcome. */
  WORKLOAD_UNIT(required(WORKLOAD, STRING), required(UNIT, INTEGER), required(WORKFLOW_ID, STRING),
      required(OUTCOME, STRING), optional(ACCEPT_MS, NUMBER), optional(LATENCY_MS, NUMBER),
      required(ACTIVITY_EXECUTIONS, INTEGER), required(DUPLICATE_ACTIVITY_EXECUTIONS, INTEGER),
      required(FAULTS, LIST), optional(ERROR, STRING)),
  /** A workload run, at its end: one check. */
  WORKLOAD_CHECK(required(WORKLOAD, STRING), required(CHECK, STRING), required(PASSED, BOOLEAN),
      required(FAILED, INTEGER), required(UNITS, LIST), required(SUMMARY, STRING)),
  /** A workload run, at its end: the verdict. */
  WORKLOAD_VERDICT(required(WORKLOAD, STRING), optional(SEED, INTEGER), required(UNITS, INTEGER),
      required(FAULTS, INTEGER), required(LOST, INTEGER), required(LOST_EXPECTED, BOOLEAN),
      required(WRONG, INTEGER), required(DUPLICATE_ACTIVITY_EXECUTIONS, INTEGER),
      required(DURING_N, INTEGER), optional(DURING_P50_MS, NUMBER), optional(DURING_P95_MS, NUMBER),
      required(OUTSIDE_N, INTEGER), optional(OUTSIDE_P50_MS, NUMBER),
      optional(OUTSIDE_P95_MS, NUMBER), required(PASSED, BOOLEAN)),
  /** The harness, last line: how the run unit ended. */
  SCENARIO_RESULT(required(OUTCOME, STRING), required(DURATION_MS, INTEGER),
      optional(MESSAGE, STRING));

  private final List<TimingField> fields;

  TimingEventType(TimingField... fields) {
    this.fields = List.of(fields);
  }

  private static TimingField[] chaosFields() {
    return new TimingField[] {required(FAULT_ID, STRING), required(FAULT, STRING),
        required(PID, INTEGER), optional(HELPER_PID, INTEGER), optional(DETAIL, STRING)};
  }

  /** The type's own fields (beyond {@link TimingFields#COMMON}), in the order they are written. */
  public List<TimingField> fields() {
    return fields;
  }

  /** The declaration of the field {@code name} of this type, if it has one. */
  public Optional<TimingField> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * Lists how an event's fields differ from this type's declaration: a field it does not declare,
   * a value of the wrong kind, a required field missing or null. The common fields are not
   * checked. Empty when the fields conform.
   *
   * @param values the event's fields, with or without the common ones
   */
  public List<String> check(Map<String, ?> values) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      String name = entry.getKey();
      if (TimingFields.COMMON.contains(name)) {
        continue;
      }
      Optional<TimingField> declared = field(name);
      if (declared.isEmpty()) {
        problems.add(this + " does not declare field '" + name + "'");
      } else if (entry.getValue() != null && !declared.get().accepts(entry.getValue())) {
        problems.add(this + "." + name + " should be " + declared.get().kind() + ", is "
            + entry.getValue());
      }
    }
    for (TimingField f : fields) {
      if (f.required() && values.get(f.name()) == null) {
        problems.add(this + " lacks required field '" + f.name() + "'");
      }
    }
    return problems;
  }

  /** The type named {@code name}, or empty for a name this version does not know. */
  public static Optional<TimingEventType> of(String name) {
    for (TimingEventType type : values()) {
      if (type.name().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
