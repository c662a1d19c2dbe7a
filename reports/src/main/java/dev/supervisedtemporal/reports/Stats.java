package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Summarises a non-empty sample of one metric: sample count, mean, min, nearest-rank percentiles
 * p50/p95/p99 and max.
 *
 * <p>Percentile method (the only one used anywhere in reports): <em>nearest rank</em>. For
 * {@code n} sorted values {@code x[1..n]} and {@code 0 < p <= 100}, the p-th percentile is
 * {@code x[ceil(p / 100 * n)]}. It is always an observed value; for {@code n = 1} every percentile
 * is that value; p99 of fewer than 100 samples is the maximum.
 *
 * @param n    number of samples (every percentile is reported with it)
 * @param mean arithmetic mean
 * @param min  smallest sample
 * @param p50  nearest-rank 50th percentile (median)
 * @param p95  nearest-rank 95th percentile
 * @param p99  nearest-rank 99th percentile
 * @param max  largest sample
 */
@API(status = INTERNAL, since = "0.1.0")
public record Stats(int n, double mean, double min, double p50, double p95, double p99, double max) {

  /** The statistic names accepted by {@link #get(String)}, in report order. */
  public static final List<String> NAMES = List.of("n", "mean", "min", "p50", "p95", "p99", "max");

  /** Computes the summary of {@code samples}; throws {@link IllegalArgumentException} when empty. */
  public static Stats of(Collection<Double> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    double sum = 0;
    for (double d : sorted) {
      sum += d;
    }
    return new Stats(sorted.size(), sum / sorted.size(), sorted.get(0),
        percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
        sorted.get(sorted.size() - 1));
  }

  /**
   * Summarises each named sample list that has samples, in the order of {@code names}; names
   * without samples are left out.
   */
  static Map<String, Stats> byName(Map<String, List<Double>> samples, List<String> names) {
    Map<String, Stats> out = new LinkedHashMap<>();
    for (String name : names) {
      List<Double> s = samples.get(name);
      if (s != null && !s.isEmpty()) {
        out.put(name, of(s));
      }
    }
    return out;
  }

  /** Returns the nearest-rank {@code p}-th percentile of the ascending, non-empty {@code sorted}. */
  public static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty() || !(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile " + p + " of " + sorted.size() + " samples");
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  /** Returns the statistic called {@code name} (one of {@link #NAMES}). */
  public double get(String name) {
    switch (name) {
      case "n": return n;
      case "mean": return mean;
      case "min": return min;
      case "p50": return p50;
      case "p95": return p95;
      case "p99": return p99;
      case "max": return max;
      default: throw new IllegalArgumentException("unknown statistic '" + name + "'");
    }
  }

  /** Formats a value for people: three significant decimals at most. */
  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    String pattern = a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, v);
  }
}
