package dev.supervisedtemporal.scenarios;

import java.util.List;
import org.junit.jupiter.api.TestReporter;

/** Publishes a scenario's key timing, which the suite prints on the scenario's live line. */
final class KeyTiming {

  /** The report-entry key the suite's listener looks for. */
  static final String KEY = "key-timing";

  private KeyTiming() {}

  static void publish(TestReporter reporter, String text) {
    reporter.publishEntry(KEY, text);
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n == 0 ? Double.NaN
        : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
