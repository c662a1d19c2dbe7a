package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.extension.spi.SuiteRun;
import dev.supervisedtemporal.extension.spi.SuiteRunProvider;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Where a class's timing events go ({@code supervised.temporal.events-dir}) and, when a
 * test-suite runner started it, how that runner labels and tunes it (a {@link SuiteRun} from a
 * {@link SuiteRunProvider} found with {@link ServiceLoader}).
 *
 * @param eventsDir where the class's JSON-lines file goes
 * @param label appended to the file and scenario names, empty outside a suite
 * @param policyScale the factor applied to the policy's intervals; 1 when not scaled
 * @param chaosRandomSeed the chaos seed, or null
 */
record RunContext(Path eventsDir, String label, double policyScale, Long chaosRandomSeed) {

  /** The configuration parameter naming where timing events go. */
  static final String EVENTS_DIR = Setting.PREFIX + "events-dir";

  /** The suite runners on the class path; none outside the project's own suites. */
  private static final List<SuiteRunProvider> PROVIDERS = ServiceLoader
      .load(SuiteRunProvider.class, RunContext.class.getClassLoader()).stream()
      .map(ServiceLoader.Provider::get).toList();

  /**
   * Reads the parameters.
   *
   * @throws ExtensionConfigurationException naming the key, the value and what is accepted
   */
  static RunContext from(Function<String, Optional<String>> parameters) {
    return from(parameters, PROVIDERS);
  }

  /** Reads the parameters, asking these suite runners (the first that knows the class wins). */
  static RunContext from(Function<String, Optional<String>> parameters,
      List<SuiteRunProvider> providers) {
    Path dir = parameters.apply(EVENTS_DIR).filter(s -> !s.isBlank()).map(Path::of)
        .orElseGet(TimingEventWriter::defaultEventsDir);
    Optional<SuiteRun> run = providers.stream().map(p -> p.find(parameters))
        .flatMap(Optional::stream).findFirst();
    return run.map(r -> new RunContext(dir, r.label(), r.policyScale(), r.chaosRandomSeed()))
        .orElseGet(() -> new RunContext(dir, "", 1.0, null));
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
