package dev.supervisedtemporal.reports;

import java.util.Locale;
import java.util.Map;

/**
 * Renders a report as compact GitHub-flavoured Markdown that fits a CI job summary.
 */
final class MarkdownRenderer {

  private MarkdownRenderer() {
  }

  /** Returns the Markdown text of {@code report} without a baseline verdict. */
  static String render(TimingReport report) {
    return render(report, null);
  }

  /** Returns the Markdown text of {@code report}, headed by the verdict of {@code check} (null: none). */
  static String render(TimingReport report, CheckResult check) {
    StringBuilder sb = new StringBuilder();
    long failed = report.runs().stream().filter(r -> "FAILED".equals(r.outcome())).count();
    sb.append("# Supervisor timing report\n\n");
    sb.append(String.format(Locale.ROOT, "%d runs (%d failed), generated %s. Percentiles are nearest-rank; "
        + "`n` is the sample count. Times in ms; `/int` = ÷ check interval, `/spawn` = ÷ the run's "
        + "median spawn → ready.%n%n", report.runs().size(), failed, report.generatedAt()));
    for (RunSummary r : report.runs()) {
      if ("FAILED".equals(r.outcome())) {
        sb.append("- **FAILED** `").append(r.file()).append("`: ").append(cell(r.message())).append('\n');
      }
    }
    if (failed > 0) {
      sb.append('\n');
    }
    sb.append(HeadlineRenderer.markdown(report, check));

    sb.append("## Detection and recovery per fault kind\n\n");
    sb.append("| scenario | backend | policy | fault | faults | detect p50 / p95 (n) | detect /int p95 "
        + "| server-side recovery p50 / p95 (n) | recovery /spawn p95 | client recovery p50 / p95 (n) "
        + "| worker recovery p50 / p95 (n) | restart p50 (n) | restarts | give-ups | leaks "
        + "| undetected | unrecovered |\n");
    sb.append("|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (FaultGroup g : report.groups()) {
      if (GroupKey.NO_FAULT.equals(g.key().faultKind()) && g.counts().get("faults") == 0
          && !g.metrics().containsKey("restartDurationMs")) {
        continue;
      }
      Map<String, Stats> m = g.metrics();
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %d | %d | %d | %d | %d |%n",
          cell(g.key().scenario()), g.key().backend(), g.key().policy(), g.key().faultKind(),
          g.counts().get("faults"), pair(m.get("detectionLatencyMs")),
          one(m.get("detectionLatencyPerInterval"), "p95"), pair(m.get("recoveryTimeMs")),
          one(m.get("recoveryPerSpawnToReady"), "p95"), pair(m.get("clientRecoveryMs")),
          pair(m.get("workerRecoveryMs")), withN(m.get("restartDurationMs"), "p50"),
          g.counts().get("restarts"), g.counts().get("giveUps"), g.counts().get("leaks"),
          g.counts().get("undetected"), g.counts().get("unrecovered")));
    }

    sb.append("\n## Tick spacing\n\n");
    sb.append("| scenario | backend | policy | fault | n | mean | p50 | p95 | p99 | max | drift ms | drift % |\n");
    sb.append("|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (FaultGroup g : report.groups()) {
      Stats s = g.metrics().get("tickSpacingMs");
      if (s == null) {
        continue;
      }
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |%n",
          cell(g.key().scenario()), g.key().backend(), g.key().policy(), g.key().faultKind(), s.n(),
          Stats.fmt(s.mean()), Stats.fmt(s.p50()), Stats.fmt(s.p95()), Stats.fmt(s.p99()),
          Stats.fmt(s.max()), Stats.fmt(g.values().getOrDefault("tickDriftMs", 0.0)),
          Stats.fmt(100 * g.values().getOrDefault("tickDriftFraction", 0.0))));
    }

    sb.append("\n## Basic vs recommended (ratio = recommended ÷ basic; < 1 is better)\n\n");
    if (report.comparisons().isEmpty()) {
      sb.append("No scenario ran both policies.\n");
    } else {
      sb.append("| scenario | backend | fault | metric | basic (n) | recommended (n) | ratio |\n");
      sb.append("|---|---|---|---|--:|--:|--:|\n");
      for (Comparison c : report.comparisons()) {
        for (ComparisonRow row : c.rows()) {
          if (!"p50".equals(row.stat()) && !row.metric().endsWith("Ms")) {
            continue;
          }
          sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s %s | %s (%d) | %s (%d) | %s |%n",
              cell(c.scenario()), c.backend(), c.faultKind(), row.metric(), row.stat(),
              Stats.fmt(row.base()), row.baseN(), Stats.fmt(row.other()), row.otherN(),
              row.ratio() == null ? "n/a" : String.format(Locale.ROOT, "%.2f×", row.ratio())));
        }
      }
    }

    sb.append("\n## Cost\n\n");
    sb.append("| scenario | backend | policy | RSS after start MiB p50 (n) | supervisor threads max | "
        + "supervisor CPU ms / 1000 ticks p50 (n) |\n");
    sb.append("|---|---|---|--:|--:|--:|\n");
    for (CostGroup g : report.costs()) {
      Map<String, Stats> m = g.metrics();
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", cell(g.key().scenario()),
          g.key().backend(), g.key().policy(), withN(m.get("rssAfterStartMiB"), "p50"),
          one(m.get("supervisorThreads"), "max"), withN(m.get("supervisorCpuMsPer1000Ticks"), "p50")));
    }
    return sb.toString();
  }

  private static String pair(Stats s) {
    return s == null ? "—" : Stats.fmt(s.p50()) + " / " + Stats.fmt(s.p95()) + " (" + s.n() + ")";
  }

  private static String one(Stats s, String stat) {
    return s == null ? "—" : Stats.fmt(s.get(stat));
  }

  private static String withN(Stats s, String stat) {
    return s == null ? "—" : Stats.fmt(s.get(stat)) + " (" + s.n() + ")";
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
