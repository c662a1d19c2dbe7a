package dev.supervisedtemporal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the report's headline, the part a person reads first: the verdict against the baseline
 * (PASS, REGRESSION or NO BASELINE, with counts) and a table of the key figures per backend ×
 * policy, with the recommended ÷ basic ratio of each backend.
 */
final class HeadlineRenderer {

  static final String NOT_MEASURED = "not measured";

  private HeadlineRenderer() {
  }

  /** Returns the verdict word: PASS, REGRESSION or NO BASELINE. */
  static String verdict(CheckResult check) {
    return check == null ? HistoryEntry.NO_BASELINE : check.verdict();
  }

  /** Returns the counts behind the verdict, for people. */
  static String counts(CheckResult check) {
    if (check == null) {
      return "no baseline given: nothing was checked";
    }
    return String.format(Locale.ROOT, "%d regressed, %d missing, %d passed, %d skipped (too few samples), "
        + "%d not run here", check.count(CheckOutcome.Status.REGRESSED), check.count(CheckOutcome.Status.MISSING),
        check.count(CheckOutcome.Status.PASSED), check.count(CheckOutcome.Status.SKIPPED_FEW_SAMPLES),
        check.count(CheckOutcome.Status.NOT_RUN));
  }

  /** Returns the headline as HTML: verdict banner, failing entries, key-figure table. */
  static String html(TimingReport report, CheckResult check) {
    StringBuilder sb = new StringBuilder();
    String verdict = verdict(check);
    String css = check == null ? "none" : check.passed() ? "pass" : "fail";
    sb.append("<section class=\"headline\" data-verdict=\"").append(Svg.esc(verdict)).append("\">\n")
        .append("<div class=\"verdict ").append(css).append("\"><b>").append(Svg.esc(verdict))
        .append("</b> against the baseline · ").append(Svg.esc(counts(check))).append("</div>\n");
    if (check != null && !check.passed()) {
      sb.append("<ul class=\"failures\">\n");
      int shown = 0;
      for (String line : check.render().split("\n")) {
        if ((line.startsWith("REGRESSED") || line.startsWith("MISSING")) && shown++ < 12) {
          sb.append("<li><code>").append(Svg.esc(line.trim())).append("</code></li>\n");
        }
      }
      sb.append("</ul>\n");
    }
    List<Column> columns = columns(report);
    if (columns.isEmpty()) {
      sb.append("<p>No key figures in this run.</p>\n</section>\n");
      return sb.toString();
    }
    // One table per backend (basic, recommended, ratio): side by side they would not fit a screen.
    Map<String, List<Column>> byBackend = new LinkedHashMap<>();
    for (Column c : columns) {
      byBackend.computeIfAbsent(c.figures().backend(), b -> new ArrayList<>()).add(c);
    }
    sb.append("<div class=\"multiples\">\n");
    for (List<Column> group : byBackend.values()) {
      sb.append("<table class=\"key\"><tr><th class=\"l\">key figure</th>");
      for (Column c : group) {
        sb.append("<th class=\"").append(c.ratio ? "ratio" : "pol").append("\">").append(Svg.esc(c.header()))
            .append("</th>");
      }
      sb.append("</tr>\n");
      for (KeyFigure f : KeyFigure.HEADLINE) {
        sb.append("<tr data-figure=\"").append(f.id()).append("\"><td class=\"l\">").append(Svg.esc(f.label()))
            .append(" <span class=\"stat\">").append(f.stat()).append(", ").append(f.unit()).append("</span></td>");
        for (Column c : group) {
          sb.append(c.ratio ? "<td class=\"ratio\">" : "<td>").append(Svg.esc(cell(c, f))).append("</td>");
        }
        sb.append("</tr>\n");
      }
      sb.append("</table>\n");
    }
    sb.append("</div>\n");
    sb.append("<p class=\"note\">Pooled over every scenario of the backend × policy; <i>n</i> = "
        + "samples; recovery overhead = server-side recovery − the restart's own spawn → ready (what the "
        + "supervisor adds: detection, backoff, reconnect); \"never (k faults)\" = k faults it never saw end (e.g. the basic policy's probe is blind to a hang), "
        + "left out of the statistic. Ratio = recommended ÷ basic over the scenarios both ran (&lt; 1: recommended is faster). "
        + "The basic policy runs with its intervals scaled (see the runs table). Client and worker recovery are "
        + "measured where the harness records <code>CLIENT_RECOVERED</code> / <code>WORKER_RECOVERED</code>. "
        + "The baseline gate checks the run-normalised twins (÷ interval, ÷ spawn → ready).</p>\n");
    sb.append("</section>\n");
    return sb.toString();
  }

  /** Returns the headline as Markdown. */
  static String markdown(TimingReport report, CheckResult check) {
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(verdict(check)).append("** against the baseline: ").append(counts(check))
        .append(".\n\n");
    if (check != null && !check.passed()) {
      int shown = 0;
      for (String line : check.render().split("\n")) {
        if ((line.startsWith("REGRESSED") || line.startsWith("MISSING")) && shown++ < 12) {
          sb.append("- `").append(line.trim().replace("`", "'")).append("`\n");
        }
      }
      sb.append('\n');
    }
    List<Column> columns = columns(report);
    if (columns.isEmpty()) {
      return sb.append("No key figures in this run.\n\n").toString();
    }
    sb.append("| key figure |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Column c : columns) {
      sb.append(' ').append(c.header()).append(" |");
      rule.append("--:|");
    }
    sb.append('\n').append(rule).append('\n');
    for (KeyFigure f : KeyFigure.HEADLINE) {
      sb.append("| ").append(f.label()).append(" (").append(f.stat()).append(", ").append(f.unit()).append(") |");
      for (Column c : columns) {
        sb.append(' ').append(cell(c, f)).append(" |");
      }
      sb.append('\n');
    }
    sb.append("\nPooled over every scenario of the backend × policy; ratio = recommended ÷ basic over the "
        + "scenarios both ran (< 1: recommended is faster).\n\n");
    return sb.toString();
  }

  /** One column of the key-figure table: a backend × policy, or a backend's ratio. */
  private record Column(KeyFigures figures, boolean ratio) {
    String header() {
      return ratio ? figures.backend() + " " + figures.policy() + " ÷ basic" : figures.backend() + " · "
          + figures.policy();
    }
  }

  private static List<Column> columns(TimingReport report) {
    Map<String, List<KeyFigures>> byBackend = new LinkedHashMap<>();
    for (KeyFigures k : report.keyFigures()) {
      byBackend.computeIfAbsent(k.backend(), b -> new ArrayList<>()).add(k);
    }
    List<Column> out = new ArrayList<>();
    for (List<KeyFigures> list : byBackend.values()) {
      list.forEach(k -> out.add(new Column(k, false)));
      list.stream().filter(k -> !k.ratioToBasic().isEmpty()).forEach(k -> out.add(new Column(k, true)));
    }
    return out;
  }

  private static String cell(Column c, KeyFigure f) {
    if (c.ratio) {
      Double r = c.figures.ratioToBasic().get(f.id());
      return r == null ? "—" : String.format(Locale.ROOT, "%.2f×", r);
    }
    Stats s = c.figures.get(f);
    long missed = c.figures.missed(f);
    if (s == null) {
      return missed > 0 ? "never (" + missed + (missed == 1 ? " fault)" : " faults)") : NOT_MEASURED;
    }
    return Stats.fmt(s.get(f.stat())) + " (n=" + s.n() + ")" + (missed > 0 ? " + " + missed + " never" : "");
  }
}
