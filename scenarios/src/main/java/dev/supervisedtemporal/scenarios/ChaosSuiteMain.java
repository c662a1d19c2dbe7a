package dev.supervisedtemporal.scenarios;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.supervisedtemporal.lifecycle.backend.BackendDiscovery;
import dev.supervisedtemporal.reports.Baseline;
import dev.supervisedtemporal.reports.BaselineCheck;
import dev.supervisedtemporal.reports.CheckResult;
import dev.supervisedtemporal.reports.HistoryEntry;
import dev.supervisedtemporal.reports.ReportWriter;
import dev.supervisedtemporal.reports.RunHistory;
import dev.supervisedtemporal.reports.TimingReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the scenario suites through the JUnit Platform Launcher, once per backend and policy,
 * prints one live line per scenario and a summary, and writes the timing events and the report.
 *
 * <p>The basic policy runs the scenarios tagged {@value ScenarioTags#TIMING} with its intervals
 * scaled by {@code --policy-scale}; the recommended policy runs every selected scenario. See
 * {@link SuiteOptions#usage()} for the options. Exit codes: 0 passed, 1 a scenario failed (or a
 * regression with {@code --fail-on-regression}), 2 bad options.
 */
public final class ChaosSuiteMain {

  private ChaosSuiteMain() {}

  /** Runs the suite and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the suite; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    SuiteOptions options;
    try {
      options = SuiteOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("chaos-suite: " + e.getMessage());
      return 2;
    }
    if (options.help()) {
      out.println(SuiteOptions.usage());
      return 0;
    }
    if (options.failOnRegression()
        && (options.baseline() == null || !Files.isRegularFile(options.baseline()))) {
      err.println("chaos-suite: --fail-on-regression needs --baseline FILE naming an existing "
          + "baseline; got " + (options.baseline() == null ? "no --baseline" : options.baseline()));
      return 2;
    }
    List<String> backends = new ArrayList<>(options.backends());
    boolean cliInstalled;
    try {
      cliInstalled = BackendDiscovery.findCli().isPresent();
    } catch (IllegalArgumentException e) {
      err.println("chaos-suite: " + e.getMessage());
      return 2;
    }
    if (backends.contains("cli") && !cliInstalled) {
      if (options.backends().size() == 1) {
        err.println("chaos-suite: --backend cli, but no Temporal CLI is installed; run "
            + "scripts/install-temporal-cli or set TEMPORAL_CLI");
        return 2;
      }
      out.println("(cli backend skipped: no Temporal CLI installed)");
      backends.remove("cli");
    }
    Path eventsDir = options.reportDir().resolve("events");
    try {
      deleteRecursively(eventsDir);
      Files.createDirectories(eventsDir);
    } catch (IOException e) {
      err.println("chaos-suite: cannot prepare " + eventsDir + ": " + e.getMessage());
      return 2;
    }
    List<Class<?>> all = ScenarioCatalog.SCENARIOS;
    List<LiveLines.Line> results = new ArrayList<>();
    long began = System.nanoTime();
    out.printf("%-8s %-34s %-9s %-12s %s%n", "OUTCOME", "SCENARIO", "BACKEND", "POLICY",
        "KEY TIMING");
    Launcher launcher = LauncherFactory.create();
    for (int repeat = 1; repeat <= options.repeat(); repeat++) {
      for (String backend : backends) {
        for (String policy : options.policies()) {
          int pass = repeat;
          List<Class<?>> selected = all.stream().filter(c -> selected(c, policy, options))
              .filter(c -> pass == 1 || repeats(c, options)).toList();
          if (selected.isEmpty()) {
            continue;
          }
          String label = backend + "-" + policy + (options.repeat() > 1 ? "-r" + repeat : "");
          LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
              .selectors(selected.stream().map(c -> selectClass(c)).toList())
              .configurationParameter("supervised.temporal.backend", backend)
              .configurationParameter("supervised.temporal.policy", policy)
              .configurationParameter("supervised.temporal.events-dir", eventsDir.toString())
              .configurationParameter(SuiteParameters.RUN_LABEL_KEY, label)
              .configurationParameter(SuiteParameters.RANDOM_SEED_KEY, Long.toString(options.randomSeed()))
              .configurationParameter(SuiteParameters.FAULTS_KEY,
                  Integer.toString(options.faults()));
          if (policy.equals("basic")) {
            request.configurationParameter(SuiteParameters.POLICY_SCALE_KEY,
                Double.toString(options.policyScale()));
          }
          if (policy.equals("recommended") && options.injectRestartBackoff() != null) {
            request.configurationParameter("supervised.temporal.restart-backoff",
                options.injectRestartBackoff());
          }
          LauncherDiscoveryRequest built = request.build();
          LiveLines live = new LiveLines(out, backend, policy);
          launcher.execute(built, live);
          results.addAll(live.lines());
          if (policy.equals("recommended") && options.injectRestartBackoff() != null) {
            try {
              int n = InjectedSlowdown.relabel(eventsDir, label);
              out.println("(injected restart backoff " + options.injectRestartBackoff() + ": " + n
                  + " event files of the recommended pass recorded as a slower recommended)");
            } catch (IOException e) {
              err.println("chaos-suite: cannot relabel the injected pass: " + e.getMessage());
              return 1;
            }
          }
        }
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    long failed = results.stream().filter(l -> l.outcome().equals("FAILED")).count();
    long passed = results.stream().filter(l -> l.outcome().equals("PASSED")).count();
    long skipped = results.stream().filter(l -> l.outcome().equals("SKIPPED")).count();
    out.println();
    out.printf("chaos suite: %d passed, %d failed, %d skipped in %.1f s (seed %d)%n", passed,
        failed, skipped, seconds, options.randomSeed());
    results.stream().filter(l -> l.outcome().equals("FAILED")).forEach(l -> out.printf(
        "  FAILED %s [%s/%s]: %s%n", l.scenario(), l.backend(), l.policy(), l.failure()));

    boolean regressed = false;
    try (Stream<Path> files = Files.list(eventsDir)) {
      if (files.noneMatch(f -> f.toString().endsWith(".jsonl"))) {
        out.println("no timing events were written (no scenario of this selection records "
            + "them): no report");
        out.println(passed + " passed, " + failed + " failed");
        return failed > 0 ? 1 : 0;
      }
    } catch (IOException e) {
      err.println("chaos-suite: cannot read " + eventsDir + ": " + e.getMessage());
      return 1;
    }
    try {
      TimingReport report = TimingReport.fromEventsDir(eventsDir);
      CheckResult check = null;
      if (options.baseline() != null && Files.isRegularFile(options.baseline())) {
        check = BaselineCheck.check(report, Baseline.read(options.baseline()));
        regressed = !check.passed();
      } else if (options.baseline() != null) {
        out.println("no baseline at " + options.baseline() + ": not checked");
      }
      List<HistoryEntry> history = List.of();
      if (options.historyDir() != null) {
        history = RunHistory.record(options.historyDir(), options.historyKeep(), report, check);
      }
      List<Path> written = ReportWriter.write(report, options.reportDir(), check, history);
      out.println("report: " + written.stream().map(Path::toString)
          .collect(Collectors.joining(", ")));
      if (check != null) {
        out.println(check.render());
      }
      if (options.historyDir() != null) {
        out.println("history: " + history.size() + " run(s) in " + options.historyDir());
      }
    } catch (IOException | RuntimeException e) {
      err.println("chaos-suite: the report could not be written: " + e.getMessage());
      return 1;
    }
    out.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped
        + " skipped" : ""));
    if (failed > 0) {
      return 1;
    }
    return regressed && options.failOnRegression() ? 1 : 0;
  }

  /** Whether a scenario class runs in a policy's pass, given the include/exclude options. */
  static boolean selected(Class<?> scenario, String policy, SuiteOptions options) {
    Set<String> names = names(scenario);
    if (policy.equals("basic") && !names.contains(ScenarioTags.TIMING)) {
      return false;
    }
    boolean included = options.includes().isEmpty()
        || options.includes().stream().anyMatch(i -> names.stream().anyMatch(n -> n.contains(i)));
    boolean excluded = options.excludes().stream()
        .anyMatch(x -> names.stream().anyMatch(n -> n.contains(x)));
    return included && !excluded;
  }

  /** Whether a scenario runs in the repeated passes (every pass after the first). */
  static boolean repeats(Class<?> scenario, SuiteOptions options) {
    Set<String> names = names(scenario);
    return options.repeatOnly().isEmpty() || options.repeatOnly().stream()
        .anyMatch(r -> names.stream().anyMatch(n -> n.contains(r)));
  }

  private static Set<String> names(Class<?> scenario) {
    Stream<String> tags = Arrays.stream(scenario.getAnnotationsByType(Tag.class)).map(Tag::value);
    DisplayName display = scenario.getAnnotation(DisplayName.class);
    return Stream.concat(tags, Stream.of(scenario.getSimpleName(),
            display == null ? "" : display.value()))
        .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
