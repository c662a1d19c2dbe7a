package dev.supervisedtemporal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {

  @TempDir
  Path tmp;

  private TimingReport report(String name, double slowdown, String generatedAt) throws Exception {
    Path dir = tmp.resolve(name);
    EventLog.writePlausibleRun(dir, slowdown);
    TimingReport r = TimingReport.fromEventsDir(dir);
    return new TimingReport(r.schemaVersion(), generatedAt, r.runs(), r.groups(), r.costs(), r.comparisons(),
        r.workloads(), r.keyFigures());
  }

  @Test
  void keepsTheLastNRunsOldestFirst() throws Exception {
    Path history = tmp.resolve("history");
    RunHistory.record(history, 2, report("a", 1.0, "2026-01-01T00:00:01Z"), null);
    RunHistory.record(history, 2, report("b", 1.0, "2026-01-01T00:00:02Z"), null);
    List<HistoryEntry> kept = RunHistory.record(history, 2, report("c", 2.0, "2026-01-01T00:00:03Z"), null);
    assertThat(kept).extracting(HistoryEntry::generatedAt)
        .containsExactly("2026-01-01T00:00:02Z", "2026-01-01T00:00:03Z");
    try (Stream<Path> files = Files.list(history)) {
      assertThat(files).hasSize(2);
    }
    assertThat(kept.get(1).verdict()).isEqualTo(HistoryEntry.NO_BASELINE);
    assertThat(RunHistory.read(history)).isEqualTo(kept);
  }

  @Test
  void aSummaryKeepsTheVerdictAndTheFigures() throws Exception {
    TimingReport base = report("a", 1.0, "2026-01-01T00:00:01Z");
    CheckResult check = BaselineCheck.check(report("slow", 3.0, "2026-01-01T00:00:02Z"),
        Baseline.fromReport(base, null));
    Path history = tmp.resolve("history");
    HistoryEntry e = RunHistory.record(history, 5, report("slow2", 3.0, "2026-01-01T00:00:02Z"), check).get(0);
    assertThat(e.verdict()).isEqualTo("REGRESSION");
    assertThat(e.regressed()).isPositive();
    assertThat(e.figures("embedded/basic").get(KeyFigure.DETECTION)).isNotNull();
  }

  @Test
  void compareGivesBothValuesTheDeltaAndThePercentage() throws Exception {
    HistoryEntry a = HistoryEntry.of(report("a", 1.0, "2026-01-01T00:00:01Z"), null);
    HistoryEntry b = HistoryEntry.of(report("b", 2.0, "2026-01-01T00:00:02Z"), null);
    String text = RunComparison.render(a, b);
    double basicDetect = a.figures("embedded/basic").get(KeyFigure.DETECTION).p95();
    assertThat(text).contains("embedded/basic", "embedded/recommended", "crash detection (ms)",
        Stats.fmt(basicDetect) + " n=6", Stats.fmt(2 * basicDetect) + " n=6", "+" + Stats.fmt(basicDetect),
        "+100.0 %");
    assertThat(text).doesNotContain("client recovery");
  }

  @Test
  void theHtmlDrawsOneTrendPerKeyFigure() throws Exception {
    Path history = tmp.resolve("history");
    RunHistory.record(history, 5, report("a", 1.0, "2026-01-01T00:00:01Z"), null);
    TimingReport latest = report("b", 1.5, "2026-01-01T00:00:02Z");
    List<HistoryEntry> kept = RunHistory.record(history, 5, latest, null);
    String html = HtmlRenderer.render(latest, null, kept);
    assertThat(html).contains("data-chart=\"trend-detectionMs\"", "data-chart=\"trend-serverRecoveryMs\"",
        "data-series=\"embedded/basic\"", "History: the last 2 run(s)");
    assertThat(html).doesNotContain("data-chart=\"trend-clientRecoveryMs\"");
  }
}
