package dev.supervisedtemporal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCheckTest {

  @TempDir
  Path tmp;

  private TimingReport run(String name, double slowdown) throws Exception {
    Path dir = tmp.resolve(name);
    EventLog.writePlausibleRun(dir, slowdown);
    return TimingReport.fromEventsDir(dir);
  }

  @Test
  void equalRunPasses() throws Exception {
    TimingReport report = run("a", 1.0);
    CheckResult result = BaselineCheck.check(run("b", 1.0), Baseline.fromReport(report, null));
    assertThat(result.passed()).as(result.render()).isTrue();
    assertThat(result.count(CheckOutcome.Status.PASSED)).isPositive();
  }

  @Test
  void slowerRunFailsAndNamesTheMetric() throws Exception {
    Baseline baseline = Baseline.fromReport(run("a", 1.0), null);
    CheckResult result = BaselineCheck.check(run("slow", 3.0), baseline);
    assertThat(result.passed()).isFalse();
    assertThat(result.render()).contains("REGRESSED",
        "KEY/embedded/basic/all  hangDetectionPerInterval.p95", "limit");
  }

  @Test
  void fewSamplesAreSkippedAndSaidSo() {
    BaselineEntry e = new BaselineEntry("s/embedded/basic/KILL", "detectionLatencyPerInterval", "p95", 0.5, 2,
        0.1, 0, 5);
    TimingReport report = new TimingReport(1, "now", List.of(), List.of(new FaultGroup(
        new GroupKey("s", "embedded", "basic", "KILL"),
        Map.of("detectionLatencyPerInterval", Stats.of(List.of(9.0, 9.0))), Map.of(), Map.of(), List.of())),
        List.of(), List.of());
    CheckResult result = BaselineCheck.check(report, new Baseline("x", "y", List.of(e)));
    assertThat(result.passed()).isTrue();
    assertThat(result.render()).contains("SKIPPED", "minimum 5");
  }

  @Test
  void missingMetricFails() throws Exception {
    BaselineEntry e = new BaselineEntry("crash-recovery-kill/embedded/basic/STEAL_PORT", "giveUps", "count",
        0, 1, 0, 0, 1);
    CheckResult result = BaselineCheck.check(run("a", 1.0), new Baseline("x", "y", List.of(e)));
    assertThat(result.passed()).isFalse();
    assertThat(result.render()).contains("MISSING    crash-recovery-kill/embedded/basic/STEAL_PORT  giveUps.count");
  }

  @Test
  void entriesOfScenariosOrBackendsThisRunDidNotRunAreNotRunNotMissing() throws Exception {
    BaselineEntry otherScenario = new BaselineEntry("gone/embedded/basic/KILL", "giveUps", "count", 0, 1, 0, 0, 1);
    BaselineEntry otherBackend = new BaselineEntry("KEY/cli/basic/all", "detectionPerInterval", "p95", 0.5, 20,
        0.5, 0.25, 10);
    CheckResult result = BaselineCheck.check(run("a", 1.0),
        new Baseline("x", "y", List.of(otherScenario, otherBackend)));
    assertThat(result.passed()).as(result.render()).isTrue();
    assertThat(result.count(CheckOutcome.Status.NOT_RUN)).isEqualTo(2);
    assertThat(result.render()).contains("2 not run here");
  }

  @Test
  void aPolicyThatVanishedFromAScenarioThatRanIsMissing() throws Exception {
    BaselineEntry custom = new BaselineEntry("crash-recovery-kill/embedded/faster/KILL", "giveUps", "count", 0, 1,
        0, 0, 1);
    BaselineEntry key = new BaselineEntry("KEY/embedded/faster/all", "detectionPerInterval", "p95", 0.5, 20, 0.5,
        0.25, 10);
    CheckResult result = BaselineCheck.check(run("a", 1.0), new Baseline("x", "y", List.of(custom, key)));
    assertThat(result.passed()).isFalse();
    assertThat(result.count(CheckOutcome.Status.MISSING)).isEqualTo(2);
  }

  @Test
  void anAbsentEntryThatCouldNeverBeCheckedIsSkippedNotMissing() throws Exception {
    BaselineEntry e = new BaselineEntry("crash-recovery-kill/embedded/basic/STEAL_PORT", "tickSpacingPerInterval",
        "p99", 1.0, 1, 0.25, 0.1, 50);
    CheckResult result = BaselineCheck.check(run("a", 1.0), new Baseline("x", "y", List.of(e)));
    assertThat(result.passed()).as(result.render()).isTrue();
    assertThat(result.count(CheckOutcome.Status.SKIPPED_FEW_SAMPLES)).isEqualTo(1);
  }

  @Test
  void theKeyFiguresAreBaselinedAndALongerBackoffFailsThem() throws Exception {
    Baseline baseline = Baseline.fromReport(run("a", 1.0), null);
    assertThat(baseline.entries()).anySatisfy(e -> {
      assertThat(e.group()).isEqualTo("KEY/embedded/recommended/all");
      assertThat(e.metric()).isEqualTo("recoveryOverheadPerInterval");
    });
    assertThat(BaselineCheck.check(run("same", 1.0), baseline).passed()).isTrue();

    Path slow = tmp.resolve("backoff");
    EventLog.writePlausibleRun(slow, 1.0, 1500);
    CheckResult result = BaselineCheck.check(TimingReport.fromEventsDir(slow), baseline);
    assertThat(result.passed()).isFalse();
    assertThat(result.render()).contains("REGRESSED  KEY/embedded/recommended/all  recoveryOverheadPerInterval.p50");
  }

  @Test
  void updateBaselineWritesWhatCheckReadsAndKeepsTolerances() throws Exception {
    TimingReport report = run("a", 1.0);
    Baseline first = Baseline.fromReport(report, null);
    Path file = tmp.resolve("baseline.json");
    first.write(file);
    Baseline read = Baseline.read(file);
    assertThat(read).isEqualTo(first);

    BaselineEntry tuned = read.entries().get(0);
    BaselineEntry widened = new BaselineEntry(tuned.group(), tuned.metric(), tuned.stat(), tuned.baseline(),
        tuned.n(), 9.0, 1.0, 1);
    Baseline hand = new Baseline(read.createdAt(), read.sourceGenerated(),
        List.of(widened));
    Baseline updated = Baseline.fromReport(report, hand);
    assertThat(updated.entries().get(0).tolerance()).isEqualTo(9.0);
    assertThat(updated.entries().get(1).tolerance()).isEqualTo(first.entries().get(1).tolerance());
  }

  @Test
  void committedBaselineIsReadable() throws Exception {
    Path committed = Path.of("baseline.json");
    assertThat(committed).exists();
    assertThat(Baseline.read(committed).entries()).isNotEmpty();
  }
}
