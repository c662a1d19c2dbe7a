package dev.supervisedtemporal.reports;

import java.util.List;
import java.util.Locale;

/**
 * Small helpers shared by the hand-written SVG charts: escaping, number formatting, axis ticks
 * and the series palette.
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
