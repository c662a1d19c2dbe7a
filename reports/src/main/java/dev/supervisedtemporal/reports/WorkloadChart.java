package dev.supervisedtemporal.reports;

import dev.supervisedtemporal.events.TimingEventType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a workload run the way Jepsen does: every unit's latency over time (a dot at its start,
 * coloured by outcome), completions per second below, fault periods shaded by kind across both,
 * and the supervisor's reactions as marks along the top.
 *
 * <p>The SVG has {@code data-chart="workload-latency"}; each fault is a
 * {@code rect class="fault KIND"} (light: injected → first successful client RPC, dark:
 * injected → healed), each outcome a {@code path data-outcome=... data-points=N}, and the
 * throughput a {@code path data-series="throughput"}. Styles are inline, so the chart needs
 * nothing from the page.
 */
final class WorkloadChart {

  static final String CHART_ID = "workload-latency";

  private static final Map<String, String> FAULT_COLORS = Map.of("KILL", "#d1495b",
      "TERMINATE", "#edae49", "SUSPEND", "#2e86ab", "HANG", "#7b5ea7", "STEAL_PORT", "#8d6a9f");
  private static final Map<String, String> OUTCOME_COLORS = new LinkedHashMap<>();
  private static final Map<String, String> MARK_COLORS = Map.of(
      TimingEventType.UNHEALTHY.name(), "#b00020", TimingEventType.RESTARTED.name(), "#3b8b5a",
      TimingEventType.RESTART_FAILED.name(), "#e07a5f", TimingEventType.GAVE_UP.name(), "#000000");

  static {
    OUTCOME_COLORS.put("COMPLETED", "#1f5f8b");
    OUTCOME_COLORS.put("FAILED", "#b00020");
    OUTCOME_COLORS.put("TIMED_OUT", "#e07a5f");
    OUTCOME_COLORS.put("LOST", "#000000");
    OUTCOME_COLORS.put("REJECTED", "#7b5ea7");
  }

  private WorkloadChart() {
  }

  /** The report section for the timelines: a heading, then per run its figures and chart; empty without any. */
  static String section(List<WorkloadTimeline> timelines) {
    if (timelines.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<h2>Workloads under faults</h2>\n<p class=\"note\">Each dot is one unit (usually "
        + "a workflow) at its start time, its height the time until its outcome was known. "
        + "Shaded: fault periods by kind, light from injection to the first successful client "
        + "RPC, dark until the fault was healed. Marks on top: the supervisor's reactions. "
        + "Below: completions per second.</p>\n");
    for (WorkloadTimeline t : timelines) {
      sb.append("<p class=\"note\"><b>").append(Svg.esc(t.workload())).append("</b> · ")
          .append(Svg.esc(t.scenario() + "/" + t.backend() + "/" + t.policy()))
          .append(t.seed() == null ? "" : " · seed " + t.seed()).append(" · ")
          .append(figures(t)).append(" · <span class=\"").append(t.passed() ? "" : "bad")
          .append("\">").append(t.figures().isEmpty() ? "no verdict"
              : t.passed() ? "PASSED" : "FAILED").append("</span></p>\n");
      sb.append(render(t));
    }
    return sb.toString();
  }

  /** The SVG of one timeline. */
  static String render(WorkloadTimeline t) {
    int width = 1000;
    int left = 64;
    int right = 20;
    int top = 48;
    int plotW = width - left - right;
    int latH = 260;
    int gap = 44;
    int thrH = 90;
    int thrTop = top + latH + gap;
    int height = thrTop + thrH + 64;
    double xMax = 0;
    double yMax = 0;
    for (WorkloadPoint p : t.units()) {
      xMax = Math.max(xMax, p.startMs() + (p.latencyMs() == null ? 0 : p.latencyMs()));
      if (p.latencyMs() != null) {
        yMax = Math.max(yMax, p.latencyMs());
      }
    }
    for (FaultSpan f : t.faults()) {
      xMax = Math.max(xMax, f.toMs());
    }
    xMax = Svg.niceMax(xMax / 1000.0);
    yMax = Svg.niceMax(yMax);
    double[] perSecond = throughput(t, (int) Math.ceil(xMax));
    double thrMax = 1;
    for (double v : perSecond) {
      thrMax = Math.max(thrMax, v);
    }
    thrMax = Svg.niceMax(thrMax);
    final double xScale = plotW / xMax;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"")
        .append(CHART_ID).append("\" data-workload=\"").append(Svg.esc(t.workload()))
        .append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" role=\"img\" style=\"font-family:sans-serif\">\n");
    String title = "Latency over time: " + t.workload() + " (" + t.scenario() + "/" + t.backend()
        + ")";
    sb.append("<title>").append(Svg.esc(title)).append("</title>\n");
    sb.append("<text x=\"").append(left).append("\" y=\"18\" style=\"font-size:14px;font-weight:600\">")
        .append(Svg.esc(title)).append("</text>\n");
    // fault shading across both panels
    for (FaultSpan f : t.faults()) {
      String color = FAULT_COLORS.getOrDefault(f.kind(), "#6c757d");
      double x0 = left + f.fromMs() / 1000.0 * xScale;
      double wAll = Math.max(2, (f.toMs() - f.fromMs()) / 1000.0 * xScale);
      double wHeld = Math.max(1.5, (f.healedMs() - f.fromMs()) / 1000.0 * xScale);
      sb.append("<rect class=\"fault ").append(Svg.esc(f.kind())).append("\" data-fault-id=\"")
          .append(Svg.esc(f.faultId())).append("\" x=\"").append(Svg.c(x0)).append("\" y=\"")
          .append(top).append("\" width=\"").append(Svg.c(wAll)).append("\" height=\"")
          .append(thrTop + thrH - top).append("\" fill=\"").append(color)
          .append("\" fill-opacity=\"0.16\"><title>").append(Svg.esc(f.faultId() + " "
              + f.kind() + ": " + Stats.fmt(f.toMs() - f.fromMs()) + " ms to a successful RPC"))
          .append("</title></rect>");
      sb.append("<rect class=\"held\" x=\"").append(Svg.c(x0)).append("\" y=\"").append(top)
          .append("\" width=\"").append(Svg.c(wHeld)).append("\" height=\"")
          .append(thrTop + thrH - top).append("\" fill=\"").append(color)
          .append("\" fill-opacity=\"0.35\"/>\n");
    }
    axes(sb, left, top, plotW, latH, xMax, yMax, "latency ms");
    axes(sb, left, thrTop, plotW, thrH, xMax, thrMax, "done / s");
    sb.append("<text x=\"").append(left + plotW / 2).append("\" y=\"").append(thrTop + thrH + 32)
        .append("\" style=\"font-size:11px;text-anchor:middle;fill:#555\">seconds since the first "
            + "start</text>\n");
    // supervisor marks along the top
    for (SupervisorMark m : t.marks()) {
      double x = left + m.atMs() / 1000.0 * xScale;
      String color = MARK_COLORS.getOrDefault(m.type(), "#333");
      boolean down = TimingEventType.UNHEALTHY.name().equals(m.type())
          || TimingEventType.GAVE_UP.name().equals(m.type());
      double y = top - 8;
      sb.append("<path class=\"mark ").append(m.type()).append("\" fill=\"").append(color)
          .append("\" d=\"M").append(Svg.c(x - 4)).append(' ').append(Svg.c(down ? y - 6 : y))
          .append("L").append(Svg.c(x + 4)).append(' ').append(Svg.c(down ? y - 6 : y))
          .append("L").append(Svg.c(x)).append(' ').append(Svg.c(down ? y : y - 6))
          .append("Z\"><title>").append(m.type()).append(" at ").append(Stats.fmt(m.atMs()))
          .append(" ms</title></path>\n");
    }
    // unit dots per outcome
    for (Map.Entry<String, String> o : OUTCOME_COLORS.entrySet()) {
      StringBuilder d = new StringBuilder();
      int n = 0;
      for (WorkloadPoint p : t.units()) {
        if (!o.getKey().equals(p.outcome())) {
          continue;
        }
        double latency = p.latencyMs() == null ? yMax : Math.min(p.latencyMs(), yMax);
        d.append('M').append(Svg.c(left + p.startMs() / 1000.0 * xScale)).append(' ')
            .append(Svg.c(top + latH - latH * latency / yMax)).append("h0");
        n++;
      }
      if (n > 0) {
        sb.append("<path class=\"units\" data-outcome=\"").append(o.getKey())
            .append("\" data-points=\"").append(n).append("\" fill=\"none\" stroke=\"")
            .append(o.getValue()).append("\" stroke-width=\"").append("COMPLETED".equals(o.getKey())
                ? "4" : "7").append("\" stroke-linecap=\"round\" d=\"").append(d)
            .append("\"><title>").append(o.getKey()).append(": ").append(n)
            .append("</title></path>\n");
      }
    }
    // throughput
    StringBuilder d = new StringBuilder();
    for (int s = 0; s < perSecond.length; s++) {
      d.append(d.length() == 0 ? "M" : "L").append(Svg.c(left + (s + 0.5) * xScale)).append(' ')
          .append(Svg.c(thrTop + thrH - thrH * perSecond[s] / thrMax));
    }
    sb.append("<path data-series=\"throughput\" data-points=\"").append(perSecond.length)
        .append("\" fill=\"none\" stroke=\"#3b8b5a\" stroke-width=\"1.5\" d=\"").append(d)
        .append("\"/>\n");
    legend(sb, t, left, thrTop + thrH + 52);
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static void axes(StringBuilder sb, int left, int top, int plotW, int plotH, double xMax,
      double yMax, String yLabel) {
    for (int i = 0; i <= 4; i++) {
      double y = top + plotH - plotH * i / 4.0;
      sb.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotW)
          .append("\" y1=\"").append(Svg.c(y)).append("\" y2=\"").append(Svg.c(y))
          .append("\" stroke=\"#e6e6e6\"/><text x=\"").append(left - 6).append("\" y=\"")
          .append(Svg.c(y + 4)).append("\" style=\"font-size:11px;text-anchor:end\">")
          .append(Stats.fmt(yMax * i / 4)).append("</text>\n");
    }
    for (int i = 0; i <= 10; i++) {
      double x = left + plotW * i / 10.0;
      sb.append("<text x=\"").append(Svg.c(x)).append("\" y=\"").append(top + plotH + 14)
          .append("\" style=\"font-size:11px;text-anchor:middle\">").append(Stats.fmt(xMax * i / 10))
          .append("</text>\n");
    }
    sb.append("<line x1=\"").append(left).append("\" x2=\"").append(left).append("\" y1=\"")
        .append(top).append("\" y2=\"").append(top + plotH).append("\" stroke=\"#888\"/>")
        .append("<text transform=\"translate(14,").append(top + plotH / 2)
        .append(") rotate(-90)\" style=\"font-size:11px;text-anchor:middle;fill:#555\">")
        .append(Svg.esc(yLabel)).append("</text>\n");
  }

  private static void legend(StringBuilder sb, WorkloadTimeline t, int left, int y) {
    List<String[]> items = new ArrayList<>();
    for (Map.Entry<String, String> o : OUTCOME_COLORS.entrySet()) {
      long n = t.units().stream().filter(p -> o.getKey().equals(p.outcome())).count();
      if (n > 0) {
        items.add(new String[] {"dot", o.getValue(), o.getKey().toLowerCase(Locale.ROOT) + " " + n});
      }
    }
    t.faults().stream().map(FaultSpan::kind).distinct().forEach(k -> items.add(new String[] {
        "box", FAULT_COLORS.getOrDefault(k, "#6c757d"), k + " " + t.faults().stream()
            .filter(f -> f.kind().equals(k)).count()}));
    t.marks().stream().map(SupervisorMark::type).distinct().forEach(k -> items.add(new String[] {
        "dot", MARK_COLORS.getOrDefault(k, "#333"), k.toLowerCase(Locale.ROOT)}));
    int x = left;
    for (String[] item : items) {
      if ("box".equals(item[0])) {
        sb.append("<rect x=\"").append(x).append("\" y=\"").append(y - 10).append("\" width=\"14\" "
            + "height=\"12\" fill=\"").append(item[1]).append("\" fill-opacity=\"0.4\"/>");
      } else {
        sb.append("<circle cx=\"").append(x + 7).append("\" cy=\"").append(y - 4)
            .append("\" r=\"4\" fill=\"").append(item[1]).append("\"/>");
      }
      sb.append("<text x=\"").append(x + 18).append("\" y=\"").append(y)
          .append("\" style=\"font-size:12px\">").append(Svg.esc(item[2])).append("</text>\n");
      x += 30 + 7 * item[2].length();
    }
  }

  private static double[] throughput(WorkloadTimeline t, int seconds) {
    double[] counts = new double[Math.max(1, seconds)];
    for (WorkloadPoint p : t.units()) {
      if ("COMPLETED".equals(p.outcome()) && p.latencyMs() != null) {
        int s = (int) ((p.startMs() + p.latencyMs()) / 1000.0);
        if (s >= 0 && s < counts.length) {
          counts[s]++;
        }
      }
    }
    return counts;
  }

  private static String figures(WorkloadTimeline t) {
    Map<String, Double> f = t.figures();
    if (f.isEmpty()) {
      return t.units().size() + " units, " + t.faults().size() + " faults";
    }
    return String.format(Locale.ROOT, "%.0f units, %.0f faults, %.0f lost, %.0f wrong, %.0f "
        + "duplicated activity executions · latency p50/p95 during faults %s/%s ms, outside %s/%s ms",
        f.getOrDefault("units", 0.0), f.getOrDefault("faults", 0.0), f.getOrDefault("lost", 0.0),
        f.getOrDefault("wrong", 0.0), f.getOrDefault("duplicateActivityExecutions", 0.0),
        opt(f.get("duringP50Ms")), opt(f.get("duringP95Ms")), opt(f.get("outsideP50Ms")),
        opt(f.get("outsideP95Ms")));
  }

  private static String opt(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.0f", v);
  }
}
