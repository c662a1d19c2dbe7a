package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.extension.spi.SuiteRun;
import dev.supervisedtemporal.extension.spi.SuiteRunProvider;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The extension reads only its user key; a suite runner labels and tunes through its provider. */
class RunContextTest {

  private static Function<String, Optional<String>> config(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }

  @Test
  void outsideASuiteOnlyTheEventsDirIsRead() {
    RunContext run = RunContext.from(config(Map.of("supervised.temporal.events-dir", "/tmp/ev",
        "supervised.temporal.run-label", "x", "supervised.temporal.policy-scale", "0.5")),
        List.of());
    assertThat(run.eventsDir()).isEqualTo(Path.of("/tmp/ev"));
    assertThat(run.label()).isEmpty();
    assertThat(run.policyScale()).isEqualTo(1.0);
    assertThat(run.chaosRandomSeed()).isNull();
    SupervisorPolicy policy = SupervisorPolicy.recommended();
    assertThat(run.apply(policy)).isSameAs(policy);
    assertThat(run.scenarioName(RunContextTest.class)).isEqualTo(RunContextTest.class.getName());
  }

  @Test
  void theFirstProviderThatKnowsTheRunLabelsAndTunesIt() {
    SuiteRunProvider none = c -> Optional.empty();
    SuiteRunProvider suite = c -> c.apply("my.suite.pass")
        .map(pass -> new SuiteRun(pass, 0.5, 7L));
    RunContext run = RunContext.from(config(Map.of("my.suite.pass", "embedded-basic")),
        List.of(none, suite));
    assertThat(run.label()).isEqualTo("embedded-basic");
    assertThat(run.fileUnit("Scenario")).isEqualTo("Scenario-embedded-basic");
    assertThat(run.scenarioName(RunContextTest.class)).isEqualTo("RunContextTest");
    SupervisorPolicy tuned = run.apply(SupervisorPolicy.basic());
    assertThat(tuned.name()).isEqualTo("basic");
    assertThat(tuned.checkInterval()).isEqualTo(Duration.ofMillis(2500));
    assertThat(tuned.randomSeed()).hasValue(7L);
  }
}
