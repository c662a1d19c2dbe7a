package dev.supervisedtemporal.reports;

import java.util.List;
import java.util.Locale;

/**
 * Small helpers shared by the hand-written SVG charts: the chart's opening lines, grid lines and
 * labels, escaping, number formatting, axis ticks and the series palette.
 */
final class Svg {

  static final List<String> PALETTE = List.of("#d1495b", "#2e86ab", "#edae49", "#3b8b5a", "#7b5ea7",
      "#e07a5f", "#00798c", "#8d6a9f", "#5f0f40", "#6c757d");

  private Svg() {
  }

  /** Returns a fixed colour for a series: basic red, recommended blue, others from the palette. */
  static String color(String series, int index) {
    if ("basic".equals(series)) {
      return PALETTE.get(0);
    }
    if ("recommended".equals(series)) {
      return PALETTE.get(1);
    }
    return PALETTE.get((index + 2) % PALETTE.size());
  }

  /**
   * Opens a chart: the {@code svg} element (class {@code chart}, {@code data-chart} id, size and
   * view box), its {@code title} for assistive tools, and the title written at the top left.
   */
  static void open(StringBuilder sb, String chartId, int width, int height, String title) {
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"")
        .append(esc(chartId)).append("\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" role=\"img\">\n");
    sb.append("<title>").append(esc(title)).append("</title>\n");
    sb.append("<text x=\"8\" y=\"20\" class=\"ct\">").append(esc(title)).append("</text>\n");
  }

  /** Appends a {@code line} of CSS class {@code cls} from (x1, y1) to (x2, y2), coordinates as written. */
  static StringBuilder line(StringBuilder sb, String x1, String x2, String y1, String y2, String cls) {
    return sb.append("<line x1=\"").append(x1).append("\" x2=\"").append(x2).append("\" y1=\"")
        .append(y1).append("\" y2=\"").append(y2).append("\" class=\"").append(cls).append("\"/>");
  }

  /** Appends a {@code text} of CSS class {@code cls} at (x, y), its content escaped. */
  static StringBuilder text(StringBuilder sb, Object x, Object y, String cls, String content) {
    return sb.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" class=\"")
        .append(cls).append("\">").append(esc(content)).append("</text>");
  }

  /** Escapes text for XML/HTML content and attribute values. */
  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Formats a coordinate with one decimal. */
  static String c(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Returns a "nice" axis maximum at or above {@code max} (1, 2, 2.5 or 5 times a power of ten). */
  static double niceMax(double max) {
    if (!(max > 0)) {
      return 1;
    }
    double pow = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * pow >= max) {
        return m * pow;
      }
    }
    return 10 * pow;
  }
}
