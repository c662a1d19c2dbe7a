package dev.supervisedtemporal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a grouped vertical bar chart as inline SVG: one group of bars per category, one bar per
 * series, with an optional whisker (e.g. p50 bar with a p95 whisker).
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
    series.computeIfAbsent(seriesName, k -> new LinkedHashMap<>()).put(category, new double[] {value, whisker});
    return this;
  }

  boolean isEmpty() {
    return categories.isEmpty();
  }

  /** Returns the SVG markup. */
  String render() {
    int plotH = 240;
    int left = 64;
    int top = 48;
    int bottom = 130;
    int groupW = Math.max(64, 22 * series.size() + 18);
    int width = Math.max(480, left + 20 + groupW * categories.size());
    int height = top + plotH + bottom;
    double max = 0;
    for (Map<String, double[]> s : series.values()) {
      for (double[] v : s.values()) {
        max = Math.max(max, v[0]);
        if (!Double.isNaN(v[1])) {
          max = Math.max(max, v[1]);
        }
      }
    }
    double yMax = Svg.niceMax(max);
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"").append(id)
        .append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\">\n");
    sb.append("<title>").append(Svg.esc(title)).append("</title>\n");
    sb.append("<text x=\"").append(left).append("\" y=\"20\" class=\"ct\">").append(Svg.esc(title)).append("</text>\n");
    for (int i = 0; i <= 4; i++) {
      double v = yMax * i / 4;
      double y = top + plotH - plotH * i / 4.0;
      sb.append("<line x1=\"").append(left).append("\" x2=\"").append(width - 10).append("\" y1=\"")
          .append(Svg.c(y)).append("\" y2=\"").append(Svg.c(y)).append("\" class=\"grid\"/>")
          .append("<text x=\"").append(left - 6).append("\" y=\"").append(Svg.c(y + 4))
          .append("\" class=\"yl\">").append(Stats.fmt(v)).append("</text>\n");
    }
    sb.append("<text transform=\"translate(14,").append(top + plotH / 2).append(") rotate(-90)\" class=\"al\">")
        .append(Svg.esc(yLabel)).append("</text>\n");
    int barW = Math.max(8, (groupW - 14) / Math.max(1, series.size()));
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
        double x = left + 10 + ci * groupW + si * barW;
        double h = plotH * v[0] / yMax;
        double y = top + plotH - h;
        sb.append("<rect x=\"").append(Svg.c(x)).append("\" y=\"").append(Svg.c(y)).append("\" width=\"")
            .append(barW - 2).append("\" height=\"").append(Svg.c(Math.max(h, 0.5)))
            .append("\" data-series=\"").append(Svg.esc(s.getKey())).append("\" data-category=\"")
            .append(Svg.esc(categories.get(ci))).append("\" data-value=\"").append(v[0]).append("\">")
            .append("<title>").append(Svg.esc(s.getKey() + " · " + categories.get(ci) + ": "
                + Stats.fmt(v[0]) + (Double.isNaN(v[1]) ? "" : " (whisker " + Stats.fmt(v[1]) + ")")))
            .append("</title></rect>\n");
        if (!Double.isNaN(v[1])) {
          double wy = top + plotH - plotH * v[1] / yMax;
          double cx = x + (barW - 2) / 2.0;
          sb.append("<path class=\"whisker\" d=\"M").append(Svg.c(cx)).append(' ').append(Svg.c(y))
              .append("V").append(Svg.c(wy)).append("M").append(Svg.c(cx - 3)).append(' ')
              .append(Svg.c(wy)).append("h6\"/>\n");
        }
      }
      sb.append("</g>\n");
      si++;
    }
    for (int ci = 0; ci < categories.size(); ci++) {
      double x = left + 10 + ci * groupW + (groupW - 14) / 2.0;
      double y = top + plotH + 12;
      sb.append("<text transform=\"translate(").append(Svg.c(x)).append(',').append(Svg.c(y))
          .append(") rotate(35)\" class=\"xl\">").append(Svg.esc(shorten(categories.get(ci))))
          .append("</text>\n");
    }
    sb.append("<line x1=\"").append(left).append("\" x2=\"").append(width - 10).append("\" y1=\"")
        .append(top + plotH).append("\" y2=\"").append(top + plotH).append("\" class=\"axis\"/>\n");
    legend(sb, new ArrayList<>(series.keySet()), left);
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static String shorten(String s) {
    return s.length() > 30 ? s.substring(0, 29) + "…" : s;
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
      x += 24 + 7 * Math.min(name.length(), 40);
    }
    sb.append("</g>\n");
  }
}
