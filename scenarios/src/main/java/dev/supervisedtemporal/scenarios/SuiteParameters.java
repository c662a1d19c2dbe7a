package dev.supervisedtemporal.scenarios;

import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a scenario needs to know about the suite run it is part of, read from configuration
 * parameters: the chaos seed and the number of faults of the seeded random scenario.
 *
 * @param randomSeed the chaos random seed ({@value #RANDOM_SEED_KEY}, default 42)
 * @param faults faults in the seeded random scenario ({@value #FAULTS_KEY}, default 20)
 * @param policy the policy preset of this run ({@code supervised.temporal.policy})
 * @param backend the backend of this run ({@code supervised.temporal.backend}, default embedded)
 */
record SuiteParameters(long randomSeed, int faults, String policy, BackendKind backend) {

  /**
   * The configuration parameter of the chaos seed; also the seed of the supervisor's backoff
   * jitter (see {@link ChaosSuiteRuns}).
   */
  public static final String RANDOM_SEED_KEY = "supervised.temporal.chaos-random-seed";

  /** The configuration parameter of the suite pass's label, e.g. {@code embedded-basic}. */
  public static final String RUN_LABEL_KEY = "supervised.temporal.run-label";

  /** The configuration parameter of the factor on the policy preset's intervals. */
  public static final String POLICY_SCALE_KEY = "supervised.temporal.policy-scale";

  /** The configuration parameter of the seeded scenario's fault count. */
  public static final String FAULTS_KEY = "supervised.temporal.scenario.faults";

  /** The configuration parameter of the policy preset (the extension's). */
  public static final String POLICY_KEY = "supervised.temporal.policy";

  /** The configuration parameter of the backend (the extension's). */
  public static final String BACKEND_KEY = "supervised.temporal.backend";

  static SuiteParameters from(Function<String, Optional<String>> parameters) {
    return new SuiteParameters(
        parameters.apply(RANDOM_SEED_KEY).map(Long::parseLong).orElse(42L),
        parameters.apply(FAULTS_KEY).map(Integer::parseInt).orElse(12),
        parameters.apply(POLICY_KEY).orElse("recommended"),
        parameters.apply(BACKEND_KEY).map(b -> BackendKind.parse(BACKEND_KEY, b))
            .orElse(BackendKind.EMBEDDED));
  }

  /** A manager builder for this run's backend, for scenarios about the manager itself. */
  public TemporalManager.Builder manager() {
    return TemporalManager.builder().backend(backend);
  }

  /** The recommended policy with fast ticks, for scenarios about decisions, not cadence. */
  public SupervisorPolicy quickPolicy() {
    return SupervisorPolicy.recommended().toBuilder()
        .checkInterval(Duration.ofMillis(200))
        .probeTimeout(Duration.ofMillis(300))
        .build();
  }

  /** Whether this run uses the basic policy. */
  public boolean basicPolicy() {
    return "basic".equalsIgnoreCase(policy);
  }
}
