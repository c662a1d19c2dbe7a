package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Checks a {@link WorkloadHistory} and gives a {@link WorkloadVerdict}: built-in checks (every
 * unit completed, none lost, results as expected, activity executions within a bound, latency
 * during vs outside faults) and checks of your own.
 *
 * <p>Immutable: every method returns a changed copy; a check added under an existing name
 * replaces it. A workflow lost by a kill of an in-memory server is expected and reported, not a
 * failure, unless {@link #lostIsFailure()}; on a durable server (persistent CLI, external) a lost
 * workflow always fails {@value #NONE_LOST}.
 *
 * <pre>{@code
 * Checker checker = Checker.standard()
 *     .expectResults(i -> "paid " + i)
 *     .activityExecutionsAtMost(4)
 *     .everyUnit("no slow payment", unit -> unit.latency().toSeconds() < 30);
 * }</pre>
 */
@API(status = EXPERIMENTAL)
public final class Checker {

  /** Every accepted unit completed (lost units are {@value #NONE_LOST}'s business). */
  public static final String ALL_COMPLETED = "all completed";
  /** No accepted workflow vanished. */
  public static final String NONE_LOST = "none lost";
  /** Every completed unit's result equals the expected one. */
  public static final String RESULTS = "results";
  /** No workflow ran more activity executions than the bound. */
  public static final String ACTIVITY_EXECUTIONS = "activity executions";
  /** Latency percentiles during vs outside faults (and an optional per-unit bound). */
  public static final String LATENCY = "latency";

  private final Map<String, WorkloadCheck> checks;
  private final boolean lostIsFailure;

  private Checker(Map<String, WorkloadCheck> checks, boolean lostIsFailure) {
    this.checks = checks;
    this.lostIsFailure = lostIsFailure;
  }

  /** A checker with {@value #ALL_COMPLETED}, {@value #NONE_LOST} and {@value #LATENCY}. */
  public static Checker standard() {
    return none().allCompleted().noneLost().latency();
  }

  /** A checker with no checks yet. */
  public static Checker none() {
    return new Checker(Map.of(), false);
  }

  /** Adds {@value #ALL_COMPLETED}: no unit rejected, failed or timed out. */
  public Checker allCompleted() {
    return with(ALL_COMPLETED, h -> {
      List<UnitRecord> bad = h.units().stream()
          .filter(u -> u.outcome() != UnitOutcome.COMPLETED && u.outcome() != UnitOutcome.LOST)
          .collect(Collectors.toList());
      return CheckResult.ofUnits(ALL_COMPLETED, bad, (h.units().size() - bad.size()) + " of "
          + h.units().size() + " units completed or were lost; " + bad.size()
          + " rejected, failed or timed out");
    });
  }

  /** Adds {@value #NONE_LOST}: no accepted workflow is unknown to the server afterwards. */
  public Checker noneLost() {
    return with(NONE_LOST, h -> {
      List<UnitRecord> lost = h.withOutcome(UnitOutcome.LOST);
      if (!lost.isEmpty() && !h.durable() && !lostIsFailure) {
        return new CheckResult(NONE_LOST, true, lost, lost.size() + " lost: expected on the "
            + h.backend() + " backend, whose restart forgets every workflow (lostIsFailure() "
            + "makes it a failure)");
      }
      return CheckResult.ofUnits(NONE_LOST, lost, lost.size() + " lost on the " + h.backend()
          + (h.durable() ? " (durable)" : "") + " backend");
    });
  }

  /** Makes a lost workflow a failure of {@value #NONE_LOST} on in-memory backends too. */
  public Checker lostIsFailure() {
    return new Checker(checks, true).noneLostIfPresent();
  }

  /** Adds {@value #RESULTS}: every completed unit's result equals {@code expected.apply(index)}. */
  public Checker expectResults(IntFunction<?> expected) {
    Objects.requireNonNull(expected, "expected");
    return with(RESULTS, h -> {
      List<UnitRecord> wrong = h.units().stream()
          .filter(u -> u.outcome() == UnitOutcome.COMPLETED
              && !Objects.equals(u.result(), expected.apply(u.index())))
          .collect(Collectors.toList());
      return CheckResult.ofUnits(RESULTS, wrong, wrong.size() + " wrong of "
          + h.withOutcome(UnitOutcome.COMPLETED).size() + " completed"
          + (wrong.isEmpty() ? "" : "; first: " + wrong.get(0) + ", expected "
              + expected.apply(wrong.get(0).index())));
    });
  }

  /**
   * Adds {@value #ACTIVITY_EXECUTIONS}: no workflow ran more than {@code max} activity
   * executions (needs an {@link ActivityRecorder}; duplicates are counted either way).
   */
  public Checker activityExecutionsAtMost(int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("activityExecutionsAtMost = " + max
          + "; accepted: a positive integer");
    }
    return with(ACTIVITY_EXECUTIONS, h -> {
      List<UnitRecord> over = h.units().stream().filter(u -> u.activityAttempts().size() > max)
          .collect(Collectors.toList());
      int executions = h.units().stream().mapToInt(u -> u.activityAttempts().size()).sum();
      return CheckResult.ofUnits(ACTIVITY_EXECUTIONS, over, executions + " executions, "
          + h.duplicateActivityExecutions() + " duplicated; " + over.size()
          + " workflows over " + max);
    });
  }

  /** Adds {@value #LATENCY}: reports latency percentiles during vs outside faults; never fails. */
  public Checker latency() {
    return with(LATENCY, h -> new CheckResult(LATENCY, true, List.of(), latencyLine(h)));
  }

  /** Adds {@value #LATENCY} with a bound: a completed unit slower than {@code max} fails it. */
  public Checker latencyAtMost(Duration max) {
    if (max == null || max.isNegative() || max.isZero()) {
      throw new IllegalArgumentException("latencyAtMost = " + max + "; accepted: positive");
    }
    return with(LATENCY, h -> {
      List<UnitRecord> slow = h.units().stream().filter(u -> u.outcome() == UnitOutcome.COMPLETED
          && u.latency().compareTo(max) > 0).collect(Collectors.toList());
      return CheckResult.ofUnits(LATENCY, slow, latencyLine(h) + "; " + slow.size()
          + " slower than " + max.toMillis() + " ms");
    });
  }

  /** Adds a check of your own: every unit must satisfy {@code ok}. */
  public Checker everyUnit(String name, Predicate<UnitRecord> ok) {
    Objects.requireNonNull(ok, "ok");
    return with(name, h -> {
      List<UnitRecord> bad = h.units().stream().filter(ok.negate()).collect(Collectors.toList());
      return CheckResult.ofUnits(name, bad, bad.size() + " of " + h.units().size()
          + " units failed");
    });
  }

  /** Adds a check of your own over the whole history. */
  public Checker check(String name, WorkloadCheck check) {
    return with(name, check);
  }

  /** The check names, in the order they run. */
  public List<String> names() {
    return List.copyOf(checks.keySet());
  }

  /** Runs every check on the history. */
  public WorkloadVerdict verdict(WorkloadHistory history) {
    Objects.requireNonNull(history, "history");
    List<CheckResult> results = checks.entrySet().stream().map(e -> {
      CheckResult r = e.getValue().check(history);
      return r.name().equals(e.getKey()) ? r
          : new CheckResult(e.getKey(), r.passed(), r.failedUnits(), r.summary());
    }).collect(Collectors.toList());
    return new WorkloadVerdict(history, results);
  }

  @Override
  public String toString() {
    return "Checker" + checks.keySet() + (lostIsFailure ? " lost is failure" : "");
  }

  private Checker noneLostIfPresent() {
    return checks.containsKey(NONE_LOST) ? noneLost() : this;
  }

  private Checker with(String name, WorkloadCheck check) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("check name = '" + name + "'; accepted: a non-blank name");
    }
    Map<String, WorkloadCheck> copy = new LinkedHashMap<>(checks);
    copy.put(name, Objects.requireNonNull(check, "check"));
    return new Checker(Collections.unmodifiableMap(copy), lostIsFailure);
  }

  private static String latencyLine(WorkloadHistory h) {
    return "during faults " + h.latencyDuringFaults() + "; outside faults "
        + h.latencyOutsideFaults();
  }
}
