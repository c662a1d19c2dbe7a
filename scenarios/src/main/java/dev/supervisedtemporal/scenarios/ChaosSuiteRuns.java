package dev.supervisedtemporal.scenarios;

import dev.supervisedtemporal.extension.spi.SuiteRun;
import dev.supervisedtemporal.extension.spi.SuiteRunProvider;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Tells the extension which pass of the chaos suite a class runs in, from the suite's own
 * configuration parameters ({@value SuiteParameters#RUN_LABEL_KEY},
 * {@value SuiteParameters#POLICY_SCALE_KEY}, {@value SuiteParameters#RANDOM_SEED_KEY}), which
 * {@link ChaosSuiteMain} sets. Registered in {@code META-INF/services}; outside the suite none of
 * the keys is set and the extension runs classes as users do.
 */
public final class ChaosSuiteRuns implements SuiteRunProvider {

  @Override
  public Optional<SuiteRun> find(Function<String, Optional<String>> configuration) {
    Optional<String> label = configuration.apply(SuiteParameters.RUN_LABEL_KEY).map(String::trim);
    Optional<String> scale = configuration.apply(SuiteParameters.POLICY_SCALE_KEY);
    Optional<String> seed = configuration.apply(SuiteParameters.RANDOM_SEED_KEY);
    if (label.isEmpty() && scale.isEmpty() && seed.isEmpty()) {
      return Optional.empty();
    }
    String l = label.orElse("");
    if (!l.matches("[A-Za-z0-9._-]*")) {
      throw new ExtensionConfigurationException(SuiteParameters.RUN_LABEL_KEY + " = '" + l
          + "'; accepted: letters, digits, '.', '_' or '-'");
    }
    double factor = scale.map(ChaosSuiteRuns::scale).orElse(1.0);
    Long chaosRandomSeed = seed.map(v -> {
      try {
        return Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        throw new ExtensionConfigurationException(SuiteParameters.RANDOM_SEED_KEY + " = '" + v
            + "'; accepted: a whole number");
      }
    }).orElse(null);
    return Optional.of(new SuiteRun(l, factor, chaosRandomSeed));
  }

  private static double scale(String v) {
    try {
      double f = Double.parseDouble(v.trim());
      if (f > 0 && f <= 1) {
        return f;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw new ExtensionConfigurationException(SuiteParameters.POLICY_SCALE_KEY + " = '" + v
        + "'; accepted: a number > 0 and <= 1");
  }
}
