package dev.supervisedtemporal.lifecycle;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Computes restart delays: exponential growth, a cap, and relative jitter. */
final class Backoff {

  private Backoff() {}

  /**
   * The delay before the attempt with the given index (0 for the first).
   *
   * @param policy supplies initial, max, multiplier and jitter
   * @param attempt how many attempts came before since the last reset
   * @param random the jitter source
   */
  static Duration delay(SupervisorPolicy policy, int attempt, RandomGenerator random) {
    double base = policy.initialBackoff().toNanos()
        * Math.pow(policy.backoffMultiplier(), Math.max(0, attempt));
    double capped = Math.min(base, policy.maxBackoff().toNanos());
    double jitter = policy.jitter() == 0 ? 0 : policy.jitter() * (2 * random.nextDouble() - 1);
    return Duration.ofNanos(Math.max(0, Math.round(capped * (1 + jitter))));
  }
}
