package dev.supervisedtemporal.reports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws an inline-SVG line chart with one polyline per series and an optional horizontal
 * reference line (e.g. the ideal tick spacing of 1 interval).
 *
 * <p>Each series is a {@code path} with {@code data-series} and {@code data-points} attributes.
 * Series longer than {@value #MAX_POINTS} points are thinned by keeping each bucket's largest
 * value, so spikes stay visible.
 */
final class LineChart {

  static final int MAX_POINTS = 800;

  private final String id;
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final double reference;
  private final Map<String, List<double[]>> series = new LinkedHashMap<>();
  private final Map<String, String> colorKey = new LinkedHashMap<>();
  private final Set<String> dashed = new HashSet<>();
  private int width = 760;
  private int plotH = 240;
  private boolean legendByColor;
  private boolean markers;

  LineChart(String id, String title, String xLabel, String yLabel, double reference) {
    this.id = id;
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.reference = reference;
  }

  /** Adds a series drawn in the colour of {@code colorKey} (e.g. its policy). */
  LineChart series(String name, String colorKey, List<double[]> points) {
    return series(name, colorKey, points, false);
  }

  /** Adds a series in the colour of {@code colorKey}, dashed when asked (e.g. a second backend). */
  LineChart series(String name, String colorKey, List<double[]> points, boolean dashed) {
    if (!points.isEmpty()) {
      series.put(name, thin(points));
      this.colorKey.put(name, colorKey);
      if (dashed) {
        this.dashed.add(name);
      }
    }
    return this;
  }

  boolean isEmpty() {
    return series.isEmpty();
  }

  /** Sets the chart's outer width and plot height (a small multiple is ~380 × 150). */
  LineChart size(int width, int plotH) {
    this.width = width;
    this.plotH = plotH;
    return this;
  }

  /** Lists one legend entry per colour key (e.g. per policy) instead of one per series. */
  LineChart legendByColor() {
    this.legendByColor = true;
    return this;
  }

  /** Marks every point with a dot (for short series such as a run history). */
  LineChart markers() {
    this.markers = true;
    return this;
  }

  /** Returns the SVG markup. */
  String render() {
    int left = 64;
    int top = 36;
    int plotW = width - left - 20;
    List<String> legend = new ArrayList<>();
    Map<String, String> legendColor = new LinkedHashMap<>();
    int li = 0;
    List<String> names = new ArrayList<>(series.keySet());
    // Basic first, then recommended, as in every chart of the report.
    names.sort((a, b) -> rank(colorKey.get(a)) - rank(colorKey.get(b)));
    for (String name : names) {
      String key = legendByColor ? colorKey.get(name) : name;
      if (!legendColor.containsKey(key)) {
        legend.add(key);
        legendColor.put(key, Svg.color(colorKey.get(name), li));
      }
      li++;
    }
    int height = top + plotH + 60 + 16 * legend.size();
    double xMax = 0;
    double yMax = reference;
    for (List<double[]> pts : series.values()) {
      for (double[] p : pts) {
        xMax = Math.max(xMax, p[0]);
        yMax = Math.max(yMax, p[1]);
      }
    }
    // A run history has whole run numbers from 1: no fractional ticks, no empty space left of 1.
    double xMin = markers ? 1 : 0;
    xMax = markers ? Math.max(2, xMax) : Svg.niceMax(xMax);
    double xSpan = xMax - xMin;
    yMax = Svg.niceMax(yMax);
    StringBuilder sb = new StringBuilder();
    Svg.open(sb, id, width, height, title);
    for (int i = 0; i <= 4; i++) {
      double y = top + plotH - plotH * i / 4.0;
      Svg.line(sb, String.valueOf(left), String.valueOf(left + plotW), Svg.c(y), Svg.c(y), "grid");
      Svg.text(sb, left - 6, Svg.c(y + 4), "yl", Stats.fmt(yMax * i / 4)).append('\n');
      if (!markers) {
        Svg.text(sb, Svg.c(left + plotW * i / 4.0), top + plotH + 16, "xt", Stats.fmt(xMax * i / 4))
            .append('\n');
      }
    }
    if (markers) {
      int step = (int) Math.max(1, Math.ceil(xSpan / 8));
      for (int run = 1; run <= xMax; run += step) {
        Svg.text(sb, Svg.c(left + plotW * (run - xMin) / xSpan), top + plotH + 16, "xt",
            String.valueOf(run)).append('\n');
      }
    }
    Svg.text(sb, left + plotW / 2, top + plotH + 34, "al", xLabel).append('\n');
    sb.append("<text transform=\"translate(14,").append(top + plotH / 2).append(") rotate(-90)\" class=\"al\">")
        .append(Svg.esc(yLabel)).append("</text>\n");
    if (reference > 0) {
      double ry = top + plotH - plotH * reference / yMax;
      sb.append("<line class=\"ref\" x1=\"").append(left).append("\" x2=\"").append(left + plotW)
          .append("\" y1=\"").append(Svg.c(ry)).append("\" y2=\"").append(Svg.c(ry)).append("\"/>\n");
    }
    int si = 0;
    for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
      String color = Svg.color(colorKey.get(s.getKey()), si);
      StringBuilder d = new StringBuilder();
      for (double[] p : s.getValue()) {
        d.append(d.length() == 0 ? "M" : "L").append(Svg.c(left + plotW * (p[0] - xMin) / xSpan)).append(' ')
            .append(Svg.c(top + plotH - plotH * p[1] / yMax));
      }
      sb.append("<path class=\"line\" fill=\"none\" stroke=\"").append(color)
          .append(dashed.contains(s.getKey()) ? "\" stroke-dasharray=\"6 3" : "").append("\" data-series=\"")
          .append(Svg.esc(s.getKey())).append("\" data-points=\"").append(s.getValue().size())
          .append("\" d=\"").append(d).append("\"><title>").append(Svg.esc(s.getKey()))
          .append("</title></path>\n");
      if (markers) {
        for (double[] p : s.getValue()) {
          sb.append("<circle r=\"3\" fill=\"").append(color).append("\" cx=\"")
              .append(Svg.c(left + plotW * (p[0] - xMin) / xSpan)).append("\" cy=\"")
              .append(Svg.c(top + plotH - plotH * p[1] / yMax)).append("\"/>");
        }
        sb.append('\n');
      }
      si++;
    }
    int legendY = top + plotH + 52;
    for (String name : legend) {
      String color = legendColor.get(name);
      sb.append("<line x1=\"").append(left).append("\" x2=\"").append(left + 16).append("\" y1=\"")
          .append(legendY - 4).append("\" y2=\"").append(legendY - 4).append("\" stroke=\"").append(color)
          .append(dashed.contains(name) ? "\" stroke-dasharray=\"5 2" : "")
          .append("\" stroke-width=\"3\"/><text x=\"").append(left + 22).append("\" y=\"").append(legendY)
          .append("\" class=\"lg\">").append(Svg.esc(name)).append("</text>\n");
      legendY += 16;
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static int rank(String colorKey) {
    return "basic".equals(colorKey) ? 0 : "recommended".equals(colorKey) ? 1 : 2;
  }

  private static List<double[]> thin(List<double[]> points) {
    if (points.size() <= MAX_POINTS) {
      return points;
    }
    List<double[]> out = new ArrayList<>();
    double bucket = points.size() / (double) MAX_POINTS;
    for (int b = 0; b < MAX_POINTS; b++) {
      int from = (int) (b * bucket);
      int to = Math.min(points.size(), (int) ((b + 1) * bucket));
      double[] best = points.get(from);
      for (int i = from; i < to; i++) {
        if (points.get(i)[1] > best[1]) {
          best = points.get(i);
        }
      }
      out.add(best);
    }
    return out;
  }
}
