package dev.supervisedtemporal.scenarios;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one line per scenario as it finishes (name, backend, policy, outcome, key timing) and
 * remembers the failures for the summary.
 */
final class LiveLines implements TestExecutionListener {

  /** One finished scenario. */
  record Line(String scenario, String backend, String policy, String outcome, String timing,
      String failure) {}

  private final PrintStream out;
  private final String backend;
  private final String policy;
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final Map<String, String> timings = new ConcurrentHashMap<>();
  private final List<Line> lines = new ArrayList<>();
  private TestPlan plan;

  LiveLines(PrintStream out, String backend, String policy) {
    this.out = out;
    this.backend = backend;
    this.policy = policy;
  }

  List<Line> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    this.plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    started.put(id.getUniqueId(), System.nanoTime());
  }

  @Override
  public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
    String timing = entry.getKeyValuePairs().get(KeyTiming.KEY);
    if (timing != null) {
      timings.put(id.getUniqueId(), timing);
    }
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (isScenarioClass(id)) {
      record(id, "SKIPPED", "", reason);
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    boolean test = id.isTest();
    boolean failedClass = isScenarioClass(id)
        && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
    if (!test && !failedClass) {
      return;
    }
    Long began = started.get(id.getUniqueId());
    String seconds = began == null ? "" : String.format("%.1fs", (System.nanoTime() - began) / 1e9);
    String outcome = switch (result.getStatus()) {
      case SUCCESSFUL -> "PASSED";
      case ABORTED -> "SKIPPED";
      case FAILED -> "FAILED";
    };
    String failure = result.getThrowable().map(t -> firstLine(t.toString())).orElse("");
    String timing = timings.getOrDefault(id.getUniqueId(), "");
    record(id, outcome, (timing.isEmpty() ? "" : timing + "; ") + seconds, failure);
  }

  private void record(TestIdentifier id, String outcome, String timing, String failure) {
    String name = scenarioName(id);
    Line line = new Line(name, backend, policy, outcome, timing, failure);
    synchronized (lines) {
      lines.add(line);
    }
    out.printf("%-8s %-34s %-9s %-12s %s%s%n", outcome, name, backend, policy, timing,
        failure.isEmpty() ? "" : "\n         " + failure);
    out.flush();
  }

  private boolean isScenarioClass(TestIdentifier id) {
    return id.isContainer() && id.getSource().map(s -> s.toString().contains("ClassSource"))
        .orElse(false);
  }

  private String scenarioName(TestIdentifier id) {
    TestIdentifier current = id;
    while (plan != null && current.getParentId().isPresent()) {
      TestIdentifier parent = plan.getTestIdentifier(current.getParentId().get());
      if (parent.getSource().map(s -> s.toString().contains("ClassSource")).orElse(false)) {
        return parent.getDisplayName();
      }
      current = parent;
    }
    return id.getDisplayName();
  }

  private static String firstLine(String text) {
    String one = text.replaceAll("\\s+", " ").trim();
    return one.length() > 400 ? one.substring(0, 397) + "..." : one;
  }
}
