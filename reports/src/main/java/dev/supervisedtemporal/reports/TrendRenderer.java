package dev.supervisedtemporal.reports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders the run history as HTML: one small trend chart per headline key figure (x = run, oldest
 * first; one line per backend × policy, coloured by policy) and the list of kept runs with their
 * verdicts.
 */
final class TrendRenderer {

  private TrendRenderer() {
  }

  /** Returns the history section, or an empty string when no history was kept. */
  static String html(List<HistoryEntry> history) {
    if (history.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<h2>History: the last ").append(history.size()).append(" run(s)</h2>\n");
    if (history.size() < 2) {
      sb.append("<p class=\"note\">The history holds this run only; trends appear from the second run.</p>\n");
    } else {
      sb.append("<p class=\"note\">x = run number (1 = oldest kept, ").append(history.size())
          .append(" = this run); y = the headline statistic. Compare two runs with "
              + "<code>reports compare --base A --current B</code>.</p>\n<div class=\"multiples\">\n");
      Set<String> ids = new LinkedHashSet<>();
      history.forEach(h -> h.keyFigures().forEach(k -> ids.add(k.id())));
      String firstBackend = ids.isEmpty() ? "" : ids.iterator().next().split("/")[0];
      for (KeyFigure f : KeyFigure.HEADLINE) {
        LineChart chart = new LineChart("trend-" + f.id(), f.label() + " " + f.stat() + " (" + f.unit() + ")",
            "run", f.unit(), 0).size(360, 110).markers();
        for (String id : ids) {
          List<double[]> pts = new ArrayList<>();
          String policy = null;
          for (int i = 0; i < history.size(); i++) {
            KeyFigures k = history.get(i).figures(id);
            Stats s = k == null ? null : k.get(f);
            if (s != null) {
              pts.add(new double[] {i + 1, s.get(f.stat())});
              policy = k.policy();
            }
          }
          if (!pts.isEmpty()) {
            // Colour = policy as everywhere; a second backend is dashed.
            chart.series(id, policy, pts, !id.startsWith(firstBackend + "/"));
          }
        }
        if (!chart.isEmpty()) {
          sb.append(chart.render());
        }
      }
      sb.append("</div>\n");
    }
    sb.append("<table><tr><th>run</th><th class=\"l\">generated</th><th class=\"l\">verdict</th>"
        + "<th>regressed / checked</th><th>skipped</th></tr>\n");
    for (int i = 0; i < history.size(); i++) {
      HistoryEntry h = history.get(i);
      boolean bad = "REGRESSION".equals(h.verdict());
      sb.append("<tr><td>").append(i + 1).append("</td><td class=\"l\">").append(Svg.esc(h.generatedAt()))
          .append("</td><td class=\"l").append(bad ? " bad" : "").append("\">").append(Svg.esc(h.verdict()))
          .append("</td><td>").append(h.regressed()).append(" / ").append(h.checked()).append("</td><td>")
          .append(h.skipped()).append("</td></tr>\n");
    }
    sb.append("</table>\n");
    return sb.toString();
  }
}
