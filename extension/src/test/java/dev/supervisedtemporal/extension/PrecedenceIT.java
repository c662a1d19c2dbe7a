package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.ProbeDepth;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @RegisterExtension} and configuration parameters take effect: an explicit value (builder
 * or attribute) wins over the configuration parameter, which wins over the default.
 */
class PrecedenceIT {

  static final Map<String, SupervisorPolicy> POLICIES = new ConcurrentHashMap<>();
  static final Map<String, String> BACKENDS = new ConcurrentHashMap<>();

  @Test
  void explicitBeatsConfigurationBeatsDefault() {
    EngineExecutionResults results = FixtureRunner.run(Map.of(
        "supervised.temporal.check-interval", "2s",
        "supervised.temporal.probe-timeout", "400ms",
        "supervised.temporal.policy", "basic"),
        Registered.class, Annotated.class);

    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    results.testEvents().assertStatistics(stats -> stats.succeeded(2));

    SupervisorPolicy registered = POLICIES.get("Registered");
    assertThat(registered.checkInterval()).isEqualTo(Duration.ofMillis(300)); // builder
    assertThat(registered.probeTimeout()).isEqualTo(Duration.ofMillis(400)); // configuration
    assertThat(registered.probeDepth()).isEqualTo(ProbeDepth.CONNECT); // configuration: basic preset
    assertThat(BACKENDS.get("Registered")).isEqualTo("embedded"); // builder

    SupervisorPolicy annotated = POLICIES.get("Annotated");
    assertThat(annotated.checkInterval()).isEqualTo(Duration.ofSeconds(2)); // configuration
    assertThat(annotated.probeTimeout()).isEqualTo(Duration.ofMillis(450)); // attribute
    assertThat(annotated.restartWindow())
        .isEqualTo(SupervisorPolicy.basic().restartWindow()); // preset default
  }

  // ------------------------------------------------------------ fixtures: run only via the kit

  static class Registered {
    @RegisterExtension
    static SupervisedTemporalExtension temporal = SupervisedTemporalExtension.builder()
        .backend(BackendKind.EMBEDDED)
        .checkInterval(Duration.ofMillis(300))
        .build();

    @Test
    void records(SupervisedTemporal temporal) {
      POLICIES.put("Registered", temporal.supervisor().policy());
      BACKENDS.put("Registered", temporal.manager().backend().name());
    }
  }

  @WithSupervisedTemporal(probeTimeout = "450ms") // backend AUTO: the CLI when installed
  static class Annotated {
    @Test
    void records(SupervisedTemporal temporal) {
      temporal.awaitHealthy(Duration.ofSeconds(30));
      POLICIES.put("Annotated", temporal.supervisor().policy());
      BACKENDS.put("Annotated", temporal.manager().backend().name());
    }
  }
}
