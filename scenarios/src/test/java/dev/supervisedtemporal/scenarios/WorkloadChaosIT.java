package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.supervisedtemporal.chaos.ChaosSchedule;
import dev.supervisedtemporal.chaos.FaultKind;
import dev.supervisedtemporal.chaos.workload.WorkloadVerdict;
import dev.supervisedtemporal.lifecycle.backend.BackendDiscovery;
import dev.supervisedtemporal.reports.ReportWriter;
import dev.supervisedtemporal.reports.TimingReport;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The done-when of the workload chaos run: a consumer's test ({@link PaymentsUnderChaosFixture})
 * runs ≥ 300 payments under ≥ 10 seeded kills, terminations and suspensions on the persistent
 * CLI server; the checker finds 0 lost and 0 wrong; the same seed gives the same fault plan; and
 * report.html shows the latency-over-time chart with shaded faults in headless Chromium (the
 * screenshot is kept beside the report).
 */
@EnabledIf(value = "cliInstalled",
    disabledReason = "no Temporal CLI: set TEMPORAL_CLI or put temporal on PATH")
class WorkloadChaosIT {

  private static final long CHROMIUM_TIMEOUT_SECONDS = 60;

  static boolean cliInstalled() {
    return BackendDiscovery.findCli().isPresent();
  }

  @Test
  void theSameSeedGivesTheSameFaultPlan() {
    assertThat(PaymentsUnderChaosFixture.SCHEDULE.plan(14))
        .isEqualTo(PaymentsUnderChaosFixture.SCHEDULE.plan(14))
        .isNotEqualTo(ChaosSchedule.seeded(PaymentsUnderChaosFixture.SEED + 1)
            .fault(FaultKind.KILL, 2).fault(FaultKind.TERMINATE, 1).fault(FaultKind.SUSPEND, 1)
            .every(Duration.ofSeconds(3)).jitter(Duration.ofMillis(500)).plan(14));
  }

  @Test
  void paymentsSurviveSeededFaultsOnThePersistentCliServer() throws Exception {
    Path base = Path.of(System.getProperty("supervised.temporal.build-dir", "target"))
        .toAbsolutePath().resolve("workload-chaos-it");
    Path events = base.resolve("events");
    deleteTree(base);
    Files.createDirectories(events);

    TestExecutionSummary summary = runFixture(events);
    StringWriter failures = new StringWriter();
    summary.printFailuresTo(new PrintWriter(failures), 30);
    assertThat(summary.getTotalFailureCount()).as("fixture failures:%n%s", failures).isZero();
    assertThat(summary.getTestsSucceededCount()).as("fixture tests passed").isEqualTo(1);

    WorkloadVerdict verdict = PaymentsUnderChaosFixture.verdict;
    assertThat(verdict.units()).isGreaterThanOrEqualTo(300);
    assertThat(verdict.faults()).isGreaterThanOrEqualTo(10);
    assertThat(verdict.lost()).isZero();
    assertThat(verdict.wrongResults()).isZero();
    assertThat(verdict.history().plan()).as("the run followed the seed's plan")
        .isEqualTo(PaymentsUnderChaosFixture.SCHEDULE.plan(verdict.history().plan().size()));
    System.out.println("workload verdict: " + verdict.summary());

    Path report = base.resolve("report");
    ReportWriter.write(TimingReport.fromEventsDir(events), report);
    String html = Files.readString(report.resolve(ReportWriter.HTML), StandardCharsets.UTF_8);
    assertThat(html).contains("data-chart=\"workload-latency\"");

    Optional<Path> chromium = findChromium();
    if (chromium.isEmpty()) {
      System.out.println("chromium not installed: browser check of " + report + " skipped");
      return;
    }
    String url = report.resolve(ReportWriter.HTML).toUri().toString();
    String dom = runChromium(chromium.get(), List.of("--dump-dom"), url);
    String chart = dom.substring(dom.indexOf("data-chart=\"workload-latency\""));
    chart = chart.substring(0, chart.indexOf("</svg>"));
    assertThat(chart).contains("class=\"fault KILL\"", "class=\"fault SUSPEND\"")
        .containsPattern("data-points=\"[1-9][0-9]{2,}\"");
    Path png = report.resolve("report.png");
    runChromium(chromium.get(), List.of("--screenshot=" + png, "--window-size=1280,3200"), url);
    assertThat(png).isNotEmptyFile();
    System.out.println("screenshot: " + png);
  }

  private static TestExecutionSummary runFixture(Path events) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(PaymentsUnderChaosFixture.class))
        .configurationParameter("supervised.temporal.events-dir", events.toString())
        .build(), listener);
    return listener.getSummary();
  }

  private static Optional<Path> findChromium() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** Runs headless chromium with a timeout and returns its stdout; never leaves it running. */
  private static String runChromium(Path chromium, List<String> action, String url)
      throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    Path stdout = Files.createTempFile("chromium", ".out");
    List<String> args = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--hide-scrollbars", "--user-data-dir=" + profile));
    args.addAll(action);
    args.add(url);
    Process p = new ProcessBuilder(args).redirectOutput(stdout.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      assertThat(p.waitFor(CHROMIUM_TIMEOUT_SECONDS, TimeUnit.SECONDS))
          .as("chromium finished within %s s", CHROMIUM_TIMEOUT_SECONDS).isTrue();
      assertThat(p.exitValue()).as("chromium exit status").isZero();
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      Files.deleteIfExists(stdout);
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> f.toFile().delete());
    }
  }
}
