package dev.supervisedtemporal.extension.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * How a test-suite runner labels and tunes one pass over the classes it runs: the label goes
 * into each class's timing-events file name, the scale and the seed into its supervisor policy
 * (and its {@code RUN_META} event).
 *
 * @param label appended to each events file name (empty: none); letters, digits, '.', '_', '-'
 * @param policyScale the factor on the policy preset's intervals, {@code > 0} and {@code <= 1}
 *     (1: unscaled)
 * @param chaosRandomSeed the seed of the supervisor's backoff jitter, or null to keep the policy's
 */
@API(status = INTERNAL, since = "0.1.0")
public record SuiteRun(String label, double policyScale, Long chaosRandomSeed) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the value and what is accepted
   */
  public SuiteRun {
    if (label == null || !label.matches("[A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("label = '" + label + "'; accepted: letters, digits, "
          + "'.', '_' or '-'");
    }
    if (!(policyScale > 0 && policyScale <= 1)) {
      throw new IllegalArgumentException("policyScale = " + policyScale + "; accepted: a number "
          + "> 0 and <= 1");
    }
  }
}
