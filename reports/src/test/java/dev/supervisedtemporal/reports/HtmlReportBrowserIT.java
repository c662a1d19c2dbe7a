package dev.supervisedtemporal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders report.html in headless Chromium and checks the charts were really drawn. Skipped with
 * a visible reason when chromium is not installed (run scripts/install-chromium).
 */
class HtmlReportBrowserIT {

  private static final long TIMEOUT_SECONDS = 60;
  private static Path chromium;
  private static Path outDir;

  @BeforeAll
  static void render() throws Exception {
    chromium = findChromium();
    String buildDir = System.getProperty("supervised.temporal.build-dir", "target");
    Path base = Path.of(buildDir).toAbsolutePath().resolve("browser-it");
    // Two runs through the history, the second checked against a baseline from the first, so the
    // page shows everything a person sees in CI: verdict, key figures, trends, charts.
    deleteTreeIfExists(base);
    EventLog.writePlausibleRun(base.resolve("earlier-events"), 1.2);
    TimingReport earlier = TimingReport.fromEventsDir(base.resolve("earlier-events"));
    RunHistory.record(base.resolve("history"), 20, earlier, null);
    EventLog.writePlausibleRun(base.resolve("events"), 1.0);
    TimingReport report = TimingReport.fromEventsDir(base.resolve("events"));
    CheckResult check = BaselineCheck.check(report, Baseline.fromReport(earlier, null));
    List<HistoryEntry> history = RunHistory.record(base.resolve("history"), 20, report, check);
    outDir = base.resolve("report");
    ReportWriter.write(report, outDir, check, history);
  }

  private static Path findChromium() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  private static List<String> chromiumArgs(Path userDataDir, String action) {
    List<String> args = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,3600",
        "--user-data-dir=" + userDataDir));
    args.add(action);
    return args;
  }

  /** Runs chromium with a timeout; always terminates it; returns stdout. */
  private static String runChromium(String action, String url, Path log) throws Exception {
    Path userDataDir = Files.createTempDirectory("chromium-profile");
    List<String> args = chromiumArgs(userDataDir, action);
    args.add(url);
    Path stdout = Files.createTempFile("chromium", ".out");
    Process p = new ProcessBuilder(args).redirectOutput(stdout.toFile()).redirectError(log.toFile()).start();
    try {
      boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertThat(done).as("chromium finished within %ss (log %s)", TIMEOUT_SECONDS, log).isTrue();
      assertThat(p.exitValue()).as("chromium exit status (log %s)", log).isZero();
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      Files.deleteIfExists(stdout);
      deleteTree(userDataDir);
    }
  }

  private static void deleteTreeIfExists(Path dir) throws IOException {
    if (Files.exists(dir)) {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> f.toFile().delete());
    }
  }

  @Test
  void chartsAreDrawnInTheBrowser() throws Exception {
    assumeTrue(chromium != null, "chromium not installed (run scripts/install-chromium); browser check skipped");
    String url = outDir.resolve(ReportWriter.HTML).toUri().toString();
    String dom = runChromium("--dump-dom", url, outDir.resolve("chromium-dom.log"));

    assertThat(dom).contains("Supervisor timing report", "data-verdict=\"PASS\"", "data-figure=\"detectionMs\"");
    for (String chart : List.of("recovery-KILL", "recovery-SUSPEND", "detection-KILL", "detection-SUSPEND",
        "tick-timeline-crash-recovery-kill-embedded", "tick-histogram", "trend-detectionMs",
        "trend-serverRecoveryMs")) {
      String svg = chartSvg(dom, chart);
      assertThat(svg).as("chart %s", chart).isNotNull();
      assertThat(svg.length()).as("chart %s has content", chart).isGreaterThan(500);
    }
    // One small chart per fault kind; each has both policies, basic drawn first, labels whole.
    String recovery = chartSvg(dom, "recovery-KILL");
    assertThat(countRects(recovery, "basic")).isEqualTo(1);
    assertThat(countRects(recovery, "recommended")).isEqualTo(1);
    assertThat(recovery.indexOf("data-series=\"basic\"")).isLessThan(recovery.indexOf("data-series=\"recommended\""));
    assertThat(recovery).contains(">crash-recovery-kill · embedded</text>").doesNotContain("…");
    String detection = chartSvg(dom, "detection-SUSPEND");
    assertThat(countRects(detection, "basic")).isEqualTo(1);
    assertThat(countRects(detection, "recommended")).isEqualTo(1);
    String timeline = chartSvg(dom, "tick-timeline-crash-recovery-kill-embedded");
    assertThat(timeline).contains("data-series=\"crash-recovery-kill-basic.jsonl\"",
        "data-series=\"crash-recovery-kill-recommended.jsonl\"");
    assertThat(timeline).containsPattern("data-points=\"[1-9][0-9]*\"");
    assertThat(timeline).doesNotContain("crash-recovery-suspend");
    String histogram = chartSvg(dom, "tick-histogram");
    assertThat(countRects(histogram, "basic")).isEqualTo(HtmlRenderer.BIN_EDGES.length);
    assertThat(chartSvg(dom, "trend-detectionMs")).contains("data-series=\"embedded/basic\"",
        "data-series=\"embedded/recommended\"");

    Path png = outDir.resolve("report.png");
    Files.deleteIfExists(png);
    runChromium("--screenshot=" + png, url, outDir.resolve("chromium-screenshot.log"));
    assertThat(png).isNotEmptyFile();
    assertThat(Files.size(png)).isGreaterThan(10_000);
  }

  @Test
  void reportIsSelfContained() throws Exception {
    String html = Files.readString(outDir.resolve(ReportWriter.HTML), StandardCharsets.UTF_8);
    assertThat(html).doesNotContain("<script src", "<link ", "http://cdn", "https://");
  }

  private static String chartSvg(String dom, String chart) {
    Matcher m = Pattern.compile("<svg[^>]*data-chart=\"" + Pattern.quote(chart) + "\".*?</svg>", Pattern.DOTALL)
        .matcher(dom);
    return m.find() ? m.group() : null;
  }

  private static int countRects(String svg, String series) {
    Matcher m = Pattern.compile("<rect[^>]*data-series=\"" + Pattern.quote(series) + "\"[^>]*data-value=\"([0-9.Ee-]+)\"")
        .matcher(svg);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
