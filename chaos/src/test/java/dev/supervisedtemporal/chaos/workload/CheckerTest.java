package dev.supervisedtemporal.chaos.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.chaos.FaultKind;
import dev.supervisedtemporal.chaos.ScheduledFault;
import dev.supervisedtemporal.events.TimingEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The checker's built-ins and verdict on histories with known units and faults. */
class CheckerTest {

  private static final long MS = 1_000_000L;

  /** Unit i starts at i*100 ms and takes 50 ms, or 900 ms while the fault (1000..1500 ms) lasts. */
  private static WorkloadHistory history(boolean durable, UnitOutcome... outcomes) {
    List<UnitRecord> units = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      long start = i * 100 * MS;
      boolean hit = start >= 900 * MS && start <= 1500 * MS;
      long end = start + (hit ? 900 : 50) * MS;
      List<ActivityAttempt> attempts = new ArrayList<>();
      attempts.add(new ActivityAttempt("wf-" + i, "1", "Charge", 1, start, Instant.EPOCH));
      if (i == 2) {
        attempts.add(new ActivityAttempt("wf-" + i, "1", "Charge", 2, start, Instant.EPOCH));
      }
      units.add(new UnitRecord(i, "wf-" + i, start, start + MS, end, outcomes[i],
          outcomes[i] == UnitOutcome.COMPLETED ? "r" + i : null, "", attempts));
    }
    return new WorkloadHistory("payments", 7L,
        List.of(new ScheduledFault(0, Duration.ofSeconds(1), FaultKind.KILL)),
        durable ? "cli" : "embedded", durable, 0, Instant.EPOCH, outcomes.length * 100 * MS,
        units, List.of(new FaultWindow("kill-1", FaultKind.KILL, 1000 * MS, 1000 * MS,
            1500 * MS)));
  }

  private static UnitOutcome[] completed(int n) {
    UnitOutcome[] all = new UnitOutcome[n];
    java.util.Arrays.fill(all, UnitOutcome.COMPLETED);
    return all;
  }

  @Test
  void aCleanRunPassesWithItsFigures() {
    WorkloadVerdict v = Checker.standard().expectResults(i -> "r" + i).activityExecutionsAtMost(2)
        .verdict(history(true, completed(20)));

    assertThat(v.passed()).as(v.toString()).isTrue();
    assertThat(v.units()).isEqualTo(20);
    assertThat(v.faults()).isEqualTo(1);
    assertThat(v.lost()).isZero();
    assertThat(v.wrongResults()).isZero();
    assertThat(v.duplicateActivityExecutions()).isEqualTo(1);
    // units 9..15 overlap the fault (unit 9 runs 900..950 ms... and is hit from 900 ms)
    assertThat(v.latencyDuringFaults().p50Ms()).isEqualTo(900);
    assertThat(v.latencyOutsideFaults().p95Ms()).isEqualTo(50);
  }

  @Test
  void wrongResultsNameTheUnitsAndTheFaultsAroundThem() {
    UnitOutcome[] outcomes = completed(20);
    WorkloadVerdict v = Checker.standard().expectResults(i -> i == 11 ? "other" : "r" + i)
        .verdict(history(true, outcomes));

    assertThat(v.passed()).isFalse();
    assertThat(v.wrongResults()).isEqualTo(1);
    assertThat(v.failures()).extracting(CheckResult::name).containsExactly(Checker.RESULTS);
    assertThat(v.check(Checker.RESULTS).orElseThrow().failedUnits())
        .extracting(UnitRecord::index).containsExactly(11);
    assertThat(v.toString()).contains("FAIL results", "unit 11 (wf-11)", "faults around it: kill-1",
        "replay: ChaosSchedule.seeded(7)");
    assertThatThrownBy(v::assertPassed).isInstanceOf(AssertionError.class)
        .hasMessageContaining("unit 11");
  }

  @Test
  void aLostWorkflowIsExpectedInMemoryAndAFailureWhenDurableOrAsked() {
    UnitOutcome[] outcomes = completed(20);
    outcomes[10] = UnitOutcome.LOST;

    WorkloadVerdict inMemory = Checker.standard().verdict(history(false, outcomes));
    assertThat(inMemory.passed()).as(inMemory.toString()).isTrue();
    assertThat(inMemory.lost()).isEqualTo(1);
    assertThat(inMemory.check(Checker.NONE_LOST).orElseThrow().summary())
        .contains("expected on the embedded backend");
    assertThat(inMemory.summary()).contains("1 lost (expected: in-memory)");

    assertThat(Checker.standard().verdict(history(true, outcomes)).passed()).isFalse();
    WorkloadVerdict asked = Checker.standard().lostIsFailure().verdict(history(false, outcomes));
    assertThat(asked.failures()).extracting(CheckResult::name).containsExactly(Checker.NONE_LOST);
  }

  @Test
  void failedTimedOutAndRejectedUnitsFailAllCompleted() {
    UnitOutcome[] outcomes = completed(5);
    outcomes[1] = UnitOutcome.FAILED;
    outcomes[2] = UnitOutcome.TIMED_OUT;
    outcomes[3] = UnitOutcome.REJECTED;
    WorkloadVerdict v = Checker.standard().verdict(history(true, outcomes));

    assertThat(v.check(Checker.ALL_COMPLETED).orElseThrow().failedUnits())
        .extracting(UnitRecord::index).containsExactly(1, 2, 3);
  }

  @Test
  void boundsAndUserChecksFailTheUnitsBeyondThem() {
    WorkloadVerdict v = Checker.none().activityExecutionsAtMost(1)
        .latencyAtMost(Duration.ofMillis(500))
        .everyUnit("even units only", u -> u.index() % 2 == 0)
        .verdict(history(true, completed(12)));

    assertThat(v.check(Checker.ACTIVITY_EXECUTIONS).orElseThrow().failedUnits())
        .extracting(UnitRecord::index).containsExactly(2);
    assertThat(v.check(Checker.LATENCY).orElseThrow().failedUnits())
        .extracting(UnitRecord::index).containsExactly(9, 10, 11);
    assertThat(v.check("even units only").orElseThrow().failedUnits()).hasSize(6);
    assertThatThrownBy(() -> Checker.none().activityExecutionsAtMost(0))
        .hasMessageContaining("activityExecutionsAtMost = 0; accepted: a positive integer");
  }

  @Test
  void timingEventsCarryEveryUnitAndTheVerdict() {
    WorkloadVerdict v = Checker.standard().expectResults(i -> "r" + i)
        .verdict(history(true, completed(20)));
    List<WorkloadEvent> events = v.timingEvents();
    Map<String, Long> types = events.stream()
        .collect(Collectors.groupingBy(WorkloadEvent::type, Collectors.counting()));

    assertThat(types).containsEntry("WORKLOAD_UNIT", 20L).containsEntry("WORKLOAD_CHECK", 4L)
        .containsEntry("WORKLOAD_VERDICT", 1L);
    WorkloadEvent unit10 = events.get(10);
    assertThat(unit10.fields()).containsEntry("unit", 10).containsEntry("outcome", "COMPLETED")
        .containsEntry("latencyMs", 900.0).containsEntry("faults", List.of("kill-1"));
    WorkloadEvent verdict = events.get(events.size() - 1);
    assertThat(verdict.fields()).containsEntry("units", 20).containsEntry("lost", 0)
        .containsEntry("wrong", 0).containsEntry("seed", 7L).containsEntry("passed", true);
  }

  @Test
  void timingEventsConformToTheEventTypesTheyName() {
    UnitOutcome[] outcomes = completed(12);
    outcomes[4] = UnitOutcome.LOST;
    outcomes[5] = UnitOutcome.FAILED;
    for (WorkloadHistory h : List.of(history(true, outcomes), history(false, completed(3)))) {
      for (WorkloadEvent e : Checker.standard().verdict(h).timingEvents()) {
        TimingEventType type = TimingEventType.of(e.type()).orElseThrow(
            () -> new AssertionError("not a TimingEventType: " + e.type()));
        assertThat(type.check(e.fields())).as("%s %s", e.type(), e.fields()).isEmpty();
      }
    }
  }

  @Test
  void badSettingsAreNamed() {
    UnitStarter none = (i, c) -> null;
    assertThatThrownBy(() -> Workload.of("w", String.class, none).rate(0))
        .hasMessageContaining("rate = 0.0; accepted");
    assertThatThrownBy(() -> Workload.of("w", String.class, none).concurrency(0))
        .hasMessageContaining("concurrency = 0; accepted: 1..1000");
    assertThatThrownBy(() -> Workload.of(" ", String.class, none))
        .hasMessageContaining("workload name");
    assertThatThrownBy(() -> Workload.of("w", String.class, none).concurrency(2).faultWindow())
        .hasMessageContaining("set duration(...), or rate(...) with units(...)");
    assertThat(Workload.of("w", String.class, none).rate(20).units(100).faultWindow())
        .isEqualTo(Duration.ofSeconds(5));
  }
}
