package dev.supervisedtemporal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFigureCalculatorTest {

  @TempDir
  Path tmp;

  private static KeyFigures find(TimingReport report, String backend, String policy) {
    return report.keyFigures().stream().filter(k -> k.id().equals(backend + "/" + policy)).findFirst()
        .orElseThrow();
  }

  @Test
  void figuresArePooledPerBackendAndPolicyWithExactValues() throws Exception {
    Path dir = tmp.resolve("events");
    for (String policy : List.of("basic", "recommended")) {
      boolean basic = policy.equals("basic");
      EventLog log = new EventLog("crash", "embedded", policy, 100);
      log.ready(1, 200);
      // Ticks at 0, 100, 210, 300: jitter 0, 10, 10 ms.
      log.tick(0, true).tick(100, true).tick(210, true).tick(300, true);
      log.fault(400, "k1", "KILL").unhealthy(basic ? 450 : 402).restarted(500, 200).recovered(600, "k1");
      log.fault(1000, "h1", "SUSPEND").unhealthy(1300).restarted(1400, 200).recovered(1500, "h1");
      if (!basic) {
        log.clientRecovered(700, "k1").workerRecovered(900, "k1");
      }
      log.resources(2000, 1L << 26, 1, 3_000_000L, 10);
      log.result(2001, "PASSED");
      log.writeTo(dir, "crash-" + policy + ".jsonl");
    }
    // A scenario the basic policy did not run: counts for recommended, not for the ratio.
    EventLog extra = new EventLog("thief", "embedded", "recommended", 100);
    extra.ready(1, 200).fault(10, "p1", "STEAL_PORT").recovered(5010, "p1").result(6000, "PASSED");
    extra.writeTo(dir, "thief-recommended.jsonl");

    TimingReport report = TimingReport.fromEventsDir(dir);
    assertThat(report.keyFigures()).extracting(KeyFigures::id)
        .containsExactly("embedded/basic", "embedded/recommended");
    KeyFigures basic = find(report, "embedded", "basic");
    KeyFigures rec = find(report, "embedded", "recommended");

    assertThat(basic.get(KeyFigure.DETECTION).p95()).isCloseTo(50, within(1e-6));
    assertThat(basic.get(KeyFigure.DETECTION_PER_INTERVAL).p95()).isCloseTo(0.5, within(1e-6));
    assertThat(rec.get(KeyFigure.DETECTION).p95()).isCloseTo(2, within(1e-6));
    assertThat(basic.get(KeyFigure.HANG_DETECTION).p95()).isCloseTo(300, within(1e-6));
    assertThat(basic.get(KeyFigure.SERVER_RECOVERY).n()).isEqualTo(2);
    assertThat(rec.get(KeyFigure.SERVER_RECOVERY).n()).isEqualTo(3);
    assertThat(rec.get(KeyFigure.SERVER_RECOVERY).p95()).isCloseTo(5000, within(1e-6));
    assertThat(rec.get(KeyFigure.SERVER_RECOVERY_PER_SPAWN).p50()).isCloseTo(500 / 200.0, within(1e-6));

    // User-felt recovery: measured where the events exist, absent ("not measured") where not.
    assertThat(basic.get(KeyFigure.CLIENT_RECOVERY)).isNull();
    assertThat(rec.get(KeyFigure.CLIENT_RECOVERY).p95()).isCloseTo(300, within(1e-6));
    assertThat(rec.get(KeyFigure.WORKER_RECOVERY).p95()).isCloseTo(500, within(1e-6));
    assertThat(rec.get(KeyFigure.WORKER_RECOVERY_PER_SPAWN).p95()).isCloseTo(2.5, within(1e-6));

    assertThat(basic.get(KeyFigure.TICK_JITTER).n()).isEqualTo(3);
    assertThat(basic.get(KeyFigure.TICK_JITTER).p99()).isCloseTo(10, within(1e-6));
    assertThat(basic.get(KeyFigure.TICK_JITTER_PER_INTERVAL).p99()).isCloseTo(0.1, within(1e-6));
    assertThat(basic.get(KeyFigure.SUPERVISOR_CPU).p50()).isCloseTo(300, within(1e-6));

    // Ratios over the scenario both ran: the thief's 5 s recovery stays out of them.
    assertThat(basic.ratioToBasic()).isEmpty();
    assertThat(rec.ratioToBasic().get("detectionMs")).isCloseTo(2 / 50.0, within(1e-9));
    assertThat(rec.ratioToBasic().get("serverRecoveryMs")).isCloseTo(1.0, within(1e-9));
    assertThat(rec.ratioToBasic()).doesNotContainKey("clientRecoveryMs");
  }

  @Test
  void keyFiguresSurviveReportJson() throws Exception {
    Path dir = tmp.resolve("plausible");
    EventLog.writePlausibleRun(dir, 1.0);
    TimingReport report = TimingReport.fromEventsDir(dir);
    assertThat(report.keyFigures()).isNotEmpty();
    Path json = tmp.resolve("report.json");
    java.nio.file.Files.writeString(json, report.toJson());
    assertThat(TimingReport.readJson(json).keyFigures()).isEqualTo(report.keyFigures());
  }

  @Test
  void theHeadlineSaysTheVerdictAndNotMeasured() throws Exception {
    Path dir = tmp.resolve("plausible");
    EventLog.writePlausibleRun(dir, 1.0);
    TimingReport report = TimingReport.fromEventsDir(dir);
    String none = MarkdownRenderer.render(report, null);
    assertThat(none).contains("**NO BASELINE**", "| crash detection (p95, ms) |", "not measured",
        "embedded recommended ÷ basic");
    Baseline baseline = Baseline.fromReport(report, null);
    assertThat(MarkdownRenderer.render(report, BaselineCheck.check(report, baseline))).contains("**PASS**");
    Path slow = tmp.resolve("slow");
    EventLog.writePlausibleRun(slow, 1.0, 1500);
    TimingReport slowReport = TimingReport.fromEventsDir(slow);
    CheckResult failed = BaselineCheck.check(slowReport, baseline);
    assertThat(MarkdownRenderer.render(slowReport, failed)).contains("**REGRESSION**", "REGRESSED");
    assertThat(HtmlRenderer.render(slowReport, failed, List.of())).contains("data-verdict=\"REGRESSION\"",
        "class=\"verdict fail\"");
  }

  @Test
  void faultsAFigureNeverSawEndAreCountedAndShownNotHidden() throws Exception {
    Path dir = tmp.resolve("blind");
    EventLog log = new EventLog("hang", "embedded", "basic", 100);
    log.ready(1, 200).fault(10, "h1", "SUSPEND").fault(500, "k1", "KILL").unhealthy(550)
        .restarted(600, 200).recovered(700, "k1").result(1000, "PASSED");
    log.writeTo(dir, "hang-basic.jsonl");
    TimingReport report = TimingReport.fromEventsDir(dir);
    KeyFigures basic = find(report, "embedded", "basic");
    assertThat(basic.get(KeyFigure.HANG_DETECTION)).isNull();
    assertThat(basic.missed(KeyFigure.HANG_DETECTION)).isEqualTo(1);
    assertThat(basic.missed(KeyFigure.DETECTION)).isZero();
    assertThat(basic.missed(KeyFigure.SERVER_RECOVERY)).isEqualTo(1);
    // No CLIENT_RECOVERED anywhere in the run: not measured, not "never".
    assertThat(basic.missed(KeyFigure.CLIENT_RECOVERY)).isZero();
    String md = MarkdownRenderer.render(report, null);
    assertThat(md).contains("| hang detection (p95, ms) | never (1 fault) |",
        "| server-side recovery (p95, ms) | 200 (n=1) + 1 never |",
        "| client recovery (user-felt) (p95, ms) | not measured |");
  }
}
