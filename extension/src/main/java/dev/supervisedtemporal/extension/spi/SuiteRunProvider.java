package dev.supervisedtemporal.extension.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A test-suite runner's way into the extension: tells, from the configuration parameters the
 * runner set, which {@link SuiteRun} a class belongs to. Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services}); the chaos suite of the scenarios
 * module provides one. The extension itself knows no suite's keys.
 */
@API(status = INTERNAL, since = "0.1.0")
public interface SuiteRunProvider {

  /**
   * The suite run the class being set up belongs to, or empty when this runner did not start it.
   *
   * @param configuration the JUnit configuration parameters, by key
   * @throws ExtensionConfigurationException when the runner's parameters are not accepted,
   *     naming the key, the value and what is accepted
   */
  Optional<SuiteRun> find(Function<String, Optional<String>> configuration);
}
