package dev.supervisedtemporal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a grouped horizontal bar chart as inline SVG: one row per category (its label whole on the
 * left), one bar per series, with an optional whisker (e.g. p50 bar with a p95 whisker) and the
 * values written beside the bars.
 *
 * <p>Every bar is a {@code rect} with {@code data-series}, {@code data-category} and
 * {@code data-value} attributes, inside a {@code g class="series"} per series, so tests and
 * people can inspect what was drawn.
 */
final class BarChart {

  private final String id;
  private final String title;
  private final String yLabel;
  private final List<String> categories = new ArrayList<>();
  private final Map<String, Map<String, double[]>> series = new LinkedHashMap<>();

  BarChart(String id, String title, String yLabel) {
    this.id = id;
    this.title = title;
    this.yLabel = yLabel;
  }

  /** Adds a bar of {@code value} (whisker at {@code whisker}, NaN for none) with a tooltip note. */
  BarChart bar(String category, String seriesName, double value, double whisker) {
    if (!categories.contains(category)) {
      categories.add(category);
    }
    if (!series.containsKey(seriesName)) {
      // Basic first, then recommended, then the rest as added: every chart lists policies alike.
      Map<String, Map<String, double[]>> ordered = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(series.keySet());
      names.add(seriesName);
      names.sort((a, b) -> rank(a) - rank(b));
      for (String n : names) {
        ordered.put(n, n.equals(seriesName) ? new LinkedHashMap<>() : series.get(n));
      }
      series.clear();
      series.putAll(ordered);
    }
    series.get(seriesName).put(category, new double[] {value, whisker});
    return this;
  }

  private static int rank(String series) {
    return "basic".equals(series) ? 0 : "recommended".equals(series) ? 1 : 2;
  }

  boolean isEmpty() {
    return categories.isEmpty();
  }

  /**
   * Returns the SVG markup: horizontal bars, one row per category with its label written whole on
   * the left, the value written at the end of each bar, so nothing needs zooming or a tooltip.
   */
  String render() {
    int barH = 13;
    int rowH = barH * series.size() + 10;
    int maxLabel = 0;
    for (String c : categories) {
      maxLabel = Math.max(maxLabel, c.length());
    }
    int left = Math.max(90, 16 + (int) Math.ceil(6.4 * maxLabel));
    int plotW = 300;
    int valueRoom = 110;
    int top = 48;
    int plotH = rowH * categories.size();
    int width = Math.max(left + plotW + valueRoom, Math.max(16 + 8 * title.length(),
        16 + legendWidth(new ArrayList<>(series.keySet()))));
    int height = top + plotH + 42;
    double max = 0;
    for (Map<String, double[]> s : series.values()) {
      for (double[] v : s.values()) {
        max = Math.max(max, v[0]);
        if (!Double.isNaN(v[1])) {
          max = Math.max(max, v[1]);
        }
      }
    }
    double xMax = Svg.niceMax(max);
    StringBuilder sb = new StringBuilder();
    Svg.open(sb, id, width, height, title);
    for (int i = 0; i <= 4; i++) {
      String x = Svg.c(left + plotW * i / 4.0);
      Svg.line(sb, x, x, String.valueOf(top), String.valueOf(top + plotH), "grid");
      Svg.text(sb, x, top + plotH + 15, "xt", Stats.fmt(xMax * i / 4)).append('\n');
    }
    Svg.text(sb, left + plotW / 2, top + plotH + 33, "al", yLabel).append('\n');
    int si = 0;
    for (Map.Entry<String, Map<String, double[]>> s : series.entrySet()) {
      String color = Svg.color(s.getKey(), si);
      sb.append("<g class=\"series\" data-series=\"").append(Svg.esc(s.getKey())).append("\" fill=\"")
          .append(color).append("\">\n");
      for (int ci = 0; ci < categories.size(); ci++) {
        double[] v = s.getValue().get(categories.get(ci));
        if (v == null) {
          continue;
        }
        double y = top + 5 + ci * rowH + si * barH;
        double w = plotW * v[0] / xMax;
        sb.append("<rect x=\"").append(left).append("\" y=\"").append(Svg.c(y)).append("\" height=\"")
            .append(barH - 2).append("\" width=\"").append(Svg.c(Math.max(w, 0.5)))
            .append("\" data-series=\"").append(Svg.esc(s.getKey())).append("\" data-category=\"")
            .append(Svg.esc(categories.get(ci))).append("\" data-value=\"").append(v[0]).append("\">")
            .append("<title>").append(Svg.esc(s.getKey() + " · " + categories.get(ci) + ": "
                + Stats.fmt(v[0]) + (Double.isNaN(v[1]) ? "" : " (whisker " + Stats.fmt(v[1]) + ")")))
            .append("</title></rect>\n");
        double end = left + w;
        String text = Stats.fmt(v[0]);
        if (!Double.isNaN(v[1])) {
          double wx = left + plotW * v[1] / xMax;
          double cy = y + (barH - 2) / 2.0;
          sb.append("<path class=\"whisker\" d=\"M").append(Svg.c(end)).append(' ').append(Svg.c(cy))
              .append("H").append(Svg.c(wx)).append("M").append(Svg.c(wx)).append(' ')
              .append(Svg.c(cy - 4)).append("v8\"/>\n");
          end = Math.max(end, wx);
          text += " / " + Stats.fmt(v[1]);
        }
        sb.append("<text x=\"").append(Svg.c(end + 4)).append("\" y=\"").append(Svg.c(y + barH - 3))
            .append("\" class=\"vl\">").append(Svg.esc(text)).append("</text>\n");
      }
      sb.append("</g>\n");
      si++;
    }
    for (int ci = 0; ci < categories.size(); ci++) {
      double y = top + 5 + ci * rowH + (barH * series.size()) / 2.0 + 3;
      sb.append("<text x=\"").append(left - 6).append("\" y=\"").append(Svg.c(y))
          .append("\" class=\"yl\">").append(Svg.esc(categories.get(ci))).append("</text>\n");
    }
    String x0 = String.valueOf(left);
    Svg.line(sb, x0, x0, String.valueOf(top), String.valueOf(top + plotH), "axis").append('\n');
    legend(sb, new ArrayList<>(series.keySet()), 8);
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static int legendWidth(List<String> names) {
    int w = 0;
    for (String n : names) {
      w += 30 + (int) Math.ceil(7.5 * Math.min(n.length(), 40));
    }
    return w;
  }

  /** Appends a legend on the line below the title, starting at {@code left}, to {@code sb}. */
  static void legend(StringBuilder sb, List<String> names, int left) {
    sb.append("<g class=\"legend\">");
    double x = left;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      sb.append("<rect x=\"").append(Svg.c(x)).append("\" y=\"27\" width=\"10\" height=\"10\" fill=\"")
          .append(Svg.color(name, i)).append("\"/><text x=\"").append(Svg.c(x + 14))
          .append("\" y=\"36\" class=\"lg\">").append(Svg.esc(name)).append("</text>");
      x += 30 + 7.5 * Math.min(name.length(), 40);
    }
    sb.append("</g>\n");
  }
}
