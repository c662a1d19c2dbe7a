package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Where a class's timing events go and how a suite run labels and tunes it, from configuration
 * parameters the chaos suite sets (all optional):
 * {@code supervised.temporal.events-dir}, {@code supervised.temporal.run-label},
 * {@code supervised.temporal.policy-scale} (a factor on the preset's intervals, recorded as the
 * policy scale) and {@code supervised.temporal.chaos-random-seed} (the backoff jitter's seed, recorded
 * with the events).
 *
 * @param eventsDir where the class's JSON-lines file goes
 * @param label appended to the file and scenario names, empty outside a suite
 * @param policyScale the factor applied to the policy's intervals; 1 when not scaled
 * @param chaosRandomSeed the chaos seed, or null
 */
record RunContext(Path eventsDir, String label, double policyScale, Long chaosRandomSeed) {

  static final String EVENTS_DIR = Setting.PREFIX + "events-dir";
  static final String RUN_LABEL = Setting.PREFIX + "run-label";
  static final String POLICY_SCALE = Setting.PREFIX + "policy-scale";
  static final String CHAOS_RANDOM_SEED = Setting.PREFIX + "chaos-random-seed";

  /**
   * Reads the parameters.
   *
   * @throws ExtensionConfigurationException naming the key, the value and what is accepted
   */
  static RunContext from(Function<String, Optional<String>> parameters) {
    Path dir = parameters.apply(EVENTS_DIR).filter(s -> !s.isBlank()).map(Path::of)
        .orElseGet(TimingEventWriter::defaultEventsDir);
    String label = parameters.apply(RUN_LABEL).map(String::trim).orElse("");
    if (!label.matches("[A-Za-z0-9._-]*")) {
      throw new ExtensionConfigurationException(RUN_LABEL + " = '" + label
          + "'; accepted: letters, digits, '.', '_' or '-'");
    }
    double scale = parameters.apply(POLICY_SCALE).map(v -> {
      try {
        double f = Double.parseDouble(v.trim());
        if (f > 0 && f <= 1) {
          return f;
        }
      } catch (NumberFormatException e) {
        // falls through to the message
      }
      throw new ExtensionConfigurationException(POLICY_SCALE + " = '" + v
          + "'; accepted: a number > 0 and <= 1");
    }).orElse(1.0);
    Long seed = parameters.apply(CHAOS_RANDOM_SEED).map(v -> {
      try {
        return Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        throw new ExtensionConfigurationException(CHAOS_RANDOM_SEED + " = '" + v
            + "'; accepted: a whole number");
      }
    }).orElse(null);
    return new RunContext(dir, label, scale, seed);
  }

  /** The policy scaled and seeded as this run asks; the preset's name is kept. */
  SupervisorPolicy apply(SupervisorPolicy policy) {
    SupervisorPolicy scaled = policyScale == 1.0 ? policy : policy.scaled(policyScale);
    return chaosRandomSeed == null ? scaled : scaled.toBuilder().randomSeed(chaosRandomSeed).build();
  }

  /** The scenario name in events: the class's simple name in a suite, else its full name. */
  String scenarioName(Class<?> testClass) {
    return label.isEmpty() ? testClass.getName() : testClass.getSimpleName();
  }

  /** The events file's run-unit name. */
  String fileUnit(String scenario) {
    return label.isEmpty() ? scenario : scenario + "-" + label;
  }
}
