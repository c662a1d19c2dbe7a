package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The outcome of a {@link Checker} on a {@link WorkloadHistory}: every check's result, the units
 * that failed each with the faults around them, and the run's figures (units, faults, lost,
 * wrong results, duplicated activity executions, latency during vs outside faults).
 *
 * <p>{@link #toString()} is the full report; {@link #assertPassed()} throws it as an
 * {@link AssertionError}, which JUnit and any other test runner show as a failure.
 *
 * @param history what the run observed
 * @param checks each check's result, in the checker's order
 */
@API(status = EXPERIMENTAL)
public record WorkloadVerdict(WorkloadHistory history, List<CheckResult> checks) {

  /** How many failed units of each check the report lists (all are in {@link #checks()}). */
  static final int LISTED_UNITS = 20;

  /** Copies the list. */
  public WorkloadVerdict {
    checks = List.copyOf(checks);
  }

  /** Whether every check passed. */
  public boolean passed() {
    return checks.stream().allMatch(CheckResult::passed);
  }

  /** The checks that failed. */
  public List<CheckResult> failures() {
    return checks.stream().filter(c -> !c.passed()).collect(Collectors.toList());
  }

  /** The result of the named check, if the checker had it. */
  public Optional<CheckResult> check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** How many units ran. */
  public int units() {
    return history.units().size();
  }

  /** How many faults were injected during the run. */
  public int faults() {
    return history.faults().size();
  }

  /** How many accepted workflows were lost. */
  public int lost() {
    return history.withOutcome(UnitOutcome.LOST).size();
  }

  /** How many completed units returned a wrong result ({@value Checker#RESULTS}; 0 without it). */
  public int wrongResults() {
    return check(Checker.RESULTS).map(c -> c.failedUnits().size()).orElse(0);
  }

  /** Activity executions beyond the first per activity id, over all units. */
  public int duplicateActivityExecutions() {
    return history.duplicateActivityExecutions();
  }

  /** Latency of completed units a fault overlapped. */
  public LatencyStats latencyDuringFaults() {
    return history.latencyDuringFaults();
  }

  /** Latency of completed units no fault overlapped. */
  public LatencyStats latencyOutsideFaults() {
    return history.latencyOutsideFaults();
  }

  /** Throws the report as an {@link AssertionError} unless every check passed. */
  public void assertPassed() {
    if (!passed()) {
      throw new AssertionError(toString());
    }
  }

  /** One line of figures, e.g. for a test report. */
  public String summary() {
    Map<UnitOutcome, Long> outcomes = new LinkedHashMap<>();
    for (UnitOutcome o : UnitOutcome.values()) {
      outcomes.put(o, (long) history.withOutcome(o).size());
    }
    return history.workload() + ": " + units() + " units " + outcomes + ", " + faults()
        + " faults" + (history.seed() == null ? "" : " (seed " + history.seed() + ")") + ", "
        + lost() + " lost" + (lost() > 0 && !history.durable() ? " (expected: in-memory)" : "")
        + ", " + wrongResults() + " wrong, " + duplicateActivityExecutions()
        + " duplicated activity executions; latency during faults " + latencyDuringFaults()
        + ", outside " + latencyOutsideFaults() + " → " + (passed() ? "PASSED" : "FAILED");
  }

  /**
   * The run as timing events: one {@code WORKLOAD_UNIT} per unit (at its start), one
   * {@code WORKLOAD_CHECK} per check and a {@code WORKLOAD_VERDICT} (at the run's end), with the
   * fields of {@code docs/timing-events.md}.
   */
  public List<WorkloadEvent> timingEvents() {
    List<WorkloadEvent> events = new ArrayList<>();
    String name = history.workload();
    for (UnitRecord u : history.units()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("workload", name);
      f.put("unit", u.index());
      f.put("workflowId", u.workflowId());
      f.put("outcome", u.outcome().name());
      f.put("acceptMs", u.acceptedNanos() < 0 ? null : ms(u.acceptedNanos() - u.startNanos()));
      f.put("latencyMs", u.completedNanos() < 0 ? null : ms(u.completedNanos() - u.startNanos()));
      f.put("activityExecutions", u.activityAttempts().size());
      f.put("duplicateActivityExecutions", u.duplicateActivityExecutions());
      f.put("faults", history.faultsAround(u).stream().map(FaultWindow::faultId)
          .collect(Collectors.toList()));
      if (!u.error().isEmpty()) {
        f.put("error", u.error());
      }
      events.add(new WorkloadEvent("WORKLOAD_UNIT", u.startNanos(),
          history.wallTime(u.startNanos()), f));
    }
    long end = history.endNanos();
    for (CheckResult c : checks) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("workload", name);
      f.put("check", c.name());
      f.put("passed", c.passed());
      f.put("failed", c.failedUnits().size());
      f.put("units", c.failedUnits().stream().map(UnitRecord::index).collect(Collectors.toList()));
      f.put("summary", c.summary());
      events.add(new WorkloadEvent("WORKLOAD_CHECK", end, history.wallTime(end), f));
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("workload", name);
    f.put("seed", history.seed());
    f.put("units", units());
    f.put("faults", faults());
    f.put("lost", lost());
    f.put("lostExpected", lost() > 0 && !history.durable() && check(Checker.NONE_LOST)
        .map(CheckResult::passed).orElse(true));
    f.put("wrong", wrongResults());
    f.put("duplicateActivityExecutions", duplicateActivityExecutions());
    putLatency(f, "during", latencyDuringFaults());
    putLatency(f, "outside", latencyOutsideFaults());
    f.put("passed", passed());
    events.add(new WorkloadEvent("WORKLOAD_VERDICT", end, history.wallTime(end), f));
    return events;
  }

  /** The full report: figures, then every check with its failed units and the faults around them. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(summary());
    for (CheckResult c : checks) {
      s.append("\n  ").append(c.passed() ? "ok   " : "FAIL ").append(c.name()).append(": ")
          .append(c.summary());
      if (!c.passed()) {
        c.failedUnits().stream().limit(LISTED_UNITS).forEach(u -> {
          s.append("\n      ").append(u);
          List<FaultWindow> around = history.faultsAround(u);
          s.append(around.isEmpty() ? " — no fault around it" : " — faults around it: "
              + around.stream().map(w -> String.format(Locale.ROOT, "%s at +%.1f s", w.faultId(),
                  (w.injectedNanos() - history.startNanos()) / 1e9))
                  .collect(Collectors.joining(", ")));
        });
        if (c.failedUnits().size() > LISTED_UNITS) {
          s.append("\n      … and ").append(c.failedUnits().size() - LISTED_UNITS).append(" more");
        }
      }
    }
    if (history.seed() != null) {
      s.append("\n  replay: ChaosSchedule.seeded(").append(history.seed())
          .append(") gives the same faults: ").append(history.plan().stream()
              .map(p -> p.kind().name()).collect(Collectors.joining(" ")));
    }
    return s.toString();
  }

  private static void putLatency(Map<String, Object> f, String when, LatencyStats stats) {
    f.put(when + "N", stats.n());
    f.put(when + "P50Ms", stats.n() == 0 ? null : stats.p50Ms());
    f.put(when + "P95Ms", stats.n() == 0 ? null : stats.p95Ms());
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 1e4) / 100.0;
  }
}
