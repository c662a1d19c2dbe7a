package dev.supervisedtemporal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a report as one self-contained HTML page with hand-written inline SVG charts: no
 * scripts, no fonts, no network access; it opens offline in any browser.
 *
 * <p>Charts ({@code data-chart} ids), small multiples with whole labels and one colour per policy:
 * {@code recovery-<FAULT>} (recovery time p50 with p95 whisker per scenario, one chart per fault
 * kind), {@code detection-<FAULT>} (detection latency basic vs recommended on the same faults),
 * {@code tick-timeline-<scenario>-<backend>} (tick spacing ÷ interval over time, one line per run),
 * {@code tick-histogram} (distribution of tick spacing ÷ interval per policy) and
 * {@code trend-<figure>} (a key figure over the kept run history).
 */
final class HtmlRenderer {

  /** Histogram bin edges on tick spacing ÷ interval; the last bin is open-ended. */
  static final double[] BIN_EDGES = {0, 0.9, 0.95, 0.98, 0.99, 1.0, 1.01, 1.02, 1.05, 1.1, 1.25, 1.5, 2.0};

  private HtmlRenderer() {
  }

  /** Returns the HTML page of {@code report} without a baseline verdict or history. */
  static String render(TimingReport report) {
    return render(report, null, List.of());
  }

  /**
   * Returns the HTML page of {@code report}: the headline (verdict of {@code check}, null for no
   * baseline, and the key figures), the trends of {@code history} (oldest first), then the charts
   * and tables.
   */
  static String render(TimingReport report, CheckResult check, List<HistoryEntry> history) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Supervisor timing report</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#222;max-width:1200px}\n")
        .append("h1{font-size:22px}h2{font-size:18px;margin-top:32px}\n")
        .append("table{border-collapse:collapse;font-size:13px;margin:8px 0}\n")
        .append("th,td{border:1px solid #ccc;padding:3px 7px;text-align:right}th{background:#f3f3f3}\n")
        .append("td.l,th.l{text-align:left}.bad{color:#b00020;font-weight:bold}\n")
        .append(".chart{display:block;margin:12px 0;background:#fff;border:1px solid #e4e4e4}\n")
        .append(".chart .ct{font-size:14px;font-weight:600}.chart .yl{font-size:11px;text-anchor:end}\n")
        .append(".chart .xt{font-size:11px;text-anchor:middle}.chart .xl{font-size:11px}.chart .vl{font-size:11px;fill:#333}\n")
        .append(".chart .al{font-size:11px;text-anchor:middle;fill:#555}.chart .lg{font-size:12px}\n")
        .append(".chart .grid{stroke:#eee}.chart .axis{stroke:#888}.chart .whisker{stroke:#333;fill:none}\n")
        .append(".chart .ref{stroke:#555;stroke-dasharray:4 3}.chart .line{stroke-width:1.5}\n")
        .append(".note{color:#555;font-size:13px}\n")
        .append(".multiples{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-start}.multiples .chart{margin:0}\n")
        .append(".verdict{font-size:18px;padding:10px 14px;border-radius:4px;margin:8px 0}\n")
        .append(".verdict.pass{background:#e3f4e8;border:1px solid #3b8b5a}.verdict.fail{background:#fbe4e6;"
            + "border:1px solid #b00020}.verdict.none{background:#f3f3f3;border:1px solid #999}\n")
        .append("table.key{font-size:14px}table.key td{white-space:nowrap}table.key td.ratio,table.key th.ratio{background:#f6f8fb}"
            + ".stat{color:#777;font-size:12px}\n")
        .append("</style></head><body>\n");
    long failed = report.runs().stream().filter(r -> "FAILED".equals(r.outcome())).count();
    sb.append("<h1>Supervisor timing report</h1>\n<p class=\"note\">").append(report.runs().size())
        .append(" runs, ").append(failed).append(" failed · generated ").append(Svg.esc(report.generatedAt()))
        .append(" · percentiles are nearest-rank, <i>n</i> = sample count · schema v")
        .append(report.schemaVersion()).append("</p>\n");

    sb.append(HeadlineRenderer.html(report, check));
    sb.append(TrendRenderer.html(history));

    sb.append("<h2>Recovery time per fault kind</h2>\n<p class=\"note\">Server-side: fault injected → first "
        + "successful RPC of the manager's probe, one chart per fault kind. Bar = p50, whisker = p95, both written at the bar's end "
        + "(ms).</p>\n<div class=\"multiples\">\n");
    Map<String, BarChart> recovery = new LinkedHashMap<>();
    for (FaultGroup g : report.groups()) {
      Stats s = g.metrics().get("recoveryTimeMs");
      if (s != null) {
        recovery.computeIfAbsent(g.key().faultKind(), k -> new BarChart("recovery-" + k,
            "Recovery after " + k + " (ms)", "ms, p50 bar / p95 whisker"))
            .bar(g.key().scenario() + " · " + g.key().backend(), g.key().policy(), s.p50(), s.p95());
      }
    }
    recovery.values().forEach(c -> sb.append(c.render()));
    sb.append(recovery.isEmpty() ? "<p>No recovered faults in this run.</p>\n" : "").append("</div>\n");

    BarChart felt = new BarChart("client-recovery", "User-felt recovery (ms): stubs kept across the fault", "ms");
    for (FaultGroup g : report.groups()) {
      Stats s = g.metrics().get("clientRecoveryMs");
      if (s != null) {
        felt.bar(g.key().faultKind() + " · " + g.key().scenario() + "/" + g.key().backend(),
            g.key().policy(), s.p50(), s.p95());
      }
    }
    if (!felt.isEmpty()) {
      sb.append("<p class=\"note\">User-felt: fault injected → first successful RPC on the stubs the "
          + "test was handed before the fault (CLIENT_RECOVERED).</p>\n").append(felt.render());
    }

    sb.append("<h2>Detection latency: basic vs recommended</h2>\n<p class=\"note\">Fault injected → "
        + "supervisor marks unhealthy, same faults in the same run, one chart per fault kind. Bar = p50, "
        + "whisker = p95 (ms).</p>\n<div class=\"multiples\">\n");
    Map<GroupKey, FaultGroup> byKey = new LinkedHashMap<>();
    report.groups().forEach(g -> byKey.put(g.key(), g));
    Map<String, BarChart> detection = new LinkedHashMap<>();
    for (Comparison c : report.comparisons()) {
      for (String policy : List.of(c.basePolicy(), c.otherPolicy())) {
        FaultGroup g = byKey.get(new GroupKey(c.scenario(), c.backend(), policy, c.faultKind()));
        Stats s = g == null ? null : g.metrics().get("detectionLatencyMs");
        if (s != null) {
          detection.computeIfAbsent(c.faultKind(), k -> new BarChart("detection-" + k,
              "Detection of " + k + " (ms)", "ms, p50 bar / p95 whisker"))
              .bar(c.scenario() + " · " + c.backend(), policy, s.p50(), s.p95());
        }
      }
    }
    detection.values().forEach(c -> sb.append(c.render()));
    sb.append(detection.isEmpty() ? "<p>No scenario ran both policies with detected faults.</p>\n" : "")
        .append("</div>\n");

    sb.append("<h2>Tick spacing</h2>\n<p class=\"note\">Spacing of consecutive health checks ÷ the "
        + "configured interval (dashed line = 1, a perfect fixed-rate schedule), one chart per scenario "
        + "and backend, one line per run, coloured by policy.</p>\n<div class=\"multiples\">\n");
    Map<String, LineChart> timelines = new LinkedHashMap<>();
    Map<String, List<Double>> perPolicy = new LinkedHashMap<>();
    for (RunSummary r : report.runs()) {
      List<double[]> pts = new ArrayList<>();
      for (TickPoint p : r.ticks()) {
        double norm = p.spacingMs() / r.checkIntervalMs();
        pts.add(new double[] {p.atMs() / 1000.0, norm});
        perPolicy.computeIfAbsent(r.policy(), k -> new ArrayList<>()).add(norm);
      }
      if (pts.isEmpty()) {
        continue;
      }
      String family = r.scenario() + " · " + r.backend();
      timelines.computeIfAbsent(family, k -> new LineChart("tick-timeline-" + k.replace(" · ", "-"),
          family, "seconds since the run's first tick", "spacing ÷ interval", 1.0)
          .size(420, 130).legendByColor())
          .series(r.file(), r.policy(), pts);
    }
    timelines.values().forEach(c -> sb.append(c.render()));
    sb.append(timelines.isEmpty() ? "<p>No ticks recorded.</p>\n" : "").append("</div>\n");
    BarChart histogram = new BarChart("tick-histogram", "Tick spacing ÷ interval, histogram (% of ticks)",
        "% of ticks");
    for (Map.Entry<String, List<Double>> e : perPolicy.entrySet()) {
      long[] counts = new long[BIN_EDGES.length];
      for (double v : e.getValue()) {
        int bin = 0;
        for (int i = 0; i < BIN_EDGES.length; i++) {
          if (v >= BIN_EDGES[i]) {
            bin = i;
          }
        }
        counts[bin]++;
      }
      for (int i = 0; i < BIN_EDGES.length; i++) {
        histogram.bar(binLabel(i), e.getKey(), 100.0 * counts[i] / e.getValue().size(), Double.NaN);
      }
    }
    sb.append(histogram.isEmpty() ? "" : histogram.render());

    sb.append(WorkloadChart.section(report.workloads()));

    sb.append("<h2>Metrics per scenario × backend × policy × fault kind</h2>\n");
    sb.append("<table><tr><th class=\"l\">group</th><th class=\"l\">metric</th><th>n</th><th>mean</th>"
        + "<th>p50</th><th>p95</th><th>p99</th><th>max</th></tr>\n");
    for (FaultGroup g : report.groups()) {
      for (Map.Entry<String, Stats> m : g.metrics().entrySet()) {
        Stats s = m.getValue();
        sb.append("<tr><td class=\"l\">").append(Svg.esc(g.key().id())).append("</td><td class=\"l\">")
            .append(m.getKey()).append("</td><td>").append(s.n()).append("</td><td>")
            .append(Stats.fmt(s.mean())).append("</td><td>").append(Stats.fmt(s.p50())).append("</td><td>")
            .append(Stats.fmt(s.p95())).append("</td><td>").append(Stats.fmt(s.p99())).append("</td><td>")
            .append(Stats.fmt(s.max())).append("</td></tr>\n");
      }
    }
    sb.append("</table>\n<h2>Counts</h2>\n<table><tr><th class=\"l\">group</th>");
    for (String c : FaultGroup.COUNTS) {
      sb.append("<th>").append(c).append("</th>");
    }
    sb.append("<th>tick drift ms</th></tr>\n");
    for (FaultGroup g : report.groups()) {
      sb.append("<tr><td class=\"l\">").append(Svg.esc(g.key().id())).append("</td>");
      for (String c : FaultGroup.COUNTS) {
        long v = g.counts().getOrDefault(c, 0L);
        boolean bad = v > 0 && !"faults".equals(c) && !"restarts".equals(c);
        sb.append(bad ? "<td class=\"bad\">" : "<td>").append(v).append("</td>");
      }
      Double drift = g.values().get("tickDriftMs");
      sb.append("<td>").append(drift == null ? "—" : Stats.fmt(drift)).append("</td></tr>\n");
    }
    sb.append("</table>\n");

    sb.append("<h2>Basic vs recommended (ratio = recommended ÷ basic)</h2>\n<table><tr><th class=\"l\">"
        + "scenario/backend</th><th class=\"l\">fault</th><th class=\"l\">metric</th><th>basic (n)</th>"
        + "<th>recommended (n)</th><th>ratio</th></tr>\n");
    for (Comparison c : report.comparisons()) {
      for (ComparisonRow row : c.rows()) {
        sb.append("<tr><td class=\"l\">").append(Svg.esc(c.scenario() + "/" + c.backend()))
            .append("</td><td class=\"l\">").append(Svg.esc(c.faultKind())).append("</td><td class=\"l\">")
            .append(row.metric()).append(' ').append(row.stat()).append("</td><td>")
            .append(Stats.fmt(row.base())).append(" (").append(row.baseN()).append(")</td><td>")
            .append(Stats.fmt(row.other())).append(" (").append(row.otherN()).append(")</td><td>")
            .append(row.ratio() == null ? "n/a" : String.format(Locale.ROOT, "%.2f×", row.ratio()))
            .append("</td></tr>\n");
      }
    }
    sb.append("</table>\n");

    sb.append("<h2>Runs and cost</h2>\n<table><tr><th class=\"l\">file</th><th class=\"l\">outcome</th>"
        + "<th>interval ms</th><th>spawn→ready ms</th><th>RSS MiB</th><th>sup. threads</th>"
        + "<th>sup. CPU ms/1000 ticks</th><th class=\"l\">message</th></tr>\n");
    for (RunSummary r : report.runs()) {
      sb.append("<tr><td class=\"l\">").append(Svg.esc(r.file())).append("</td><td class=\"l")
          .append("FAILED".equals(r.outcome()) ? " bad" : "").append("\">").append(Svg.esc(r.outcome()))
          .append("</td><td>").append(Stats.fmt(r.checkIntervalMs())).append("</td><td>")
          .append(opt(r.spawnToReadyRefMs())).append("</td><td>")
          .append(r.rssAfterStartBytes() == null ? "—" : Stats.fmt(r.rssAfterStartBytes() / 1048576.0))
          .append("</td><td>").append(r.supervisorThreads() == null ? "—" : r.supervisorThreads())
          .append("</td><td>").append(opt(r.supervisorCpuMsPer1000Ticks())).append("</td><td class=\"l\">")
          .append(r.message() == null ? "" : Svg.esc(r.message())).append("</td></tr>\n");
    }
    sb.append("</table>\n</body></html>\n");
    return sb.toString();
  }

  private static String binLabel(int i) {
    if (i + 1 == BIN_EDGES.length) {
      return "≥ " + Stats.fmt(BIN_EDGES[i]);
    }
    return Stats.fmt(BIN_EDGES[i]) + "–" + Stats.fmt(BIN_EDGES[i + 1]);
  }

  private static String opt(Double v) {
    return v == null ? "—" : Stats.fmt(v);
  }
}
