package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Nearest-rank percentiles of unit latencies (start → outcome known), in milliseconds.
 *
 * @param n how many latencies
 * @param p50Ms the median, or NaN when {@code n} is 0
 * @param p95Ms the 95th percentile, or NaN when {@code n} is 0
 * @param maxMs the largest, or NaN when {@code n} is 0
 */
@API(status = EXPERIMENTAL)
public record LatencyStats(int n, double p50Ms, double p95Ms, double maxMs) {

  /** The percentiles of the latencies. */
  public static LatencyStats of(List<Duration> latencies) {
    if (latencies.isEmpty()) {
      return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] ms = latencies.stream().mapToDouble(d -> d.toNanos() / 1e6).sorted().toArray();
    return new LatencyStats(ms.length, rank(ms, 0.50), rank(ms, 0.95), ms[ms.length - 1]);
  }

  private static double rank(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  @Override
  public String toString() {
    return n == 0 ? "n=0" : String.format(Locale.ROOT, "n=%d p50 %.0f ms, p95 %.0f ms, max %.0f ms",
        n, p50Ms, p95Ms, maxMs);
  }
}
