package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.extension.spi.SuiteRun;
import dev.supervisedtemporal.extension.spi.SuiteRunProvider;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The chaos suite's way into the extension: its own keys, read by its own provider. */
class ChaosSuiteRunsTest {

  private static Optional<SuiteRun> find(Map<String, String> values) {
    return new ChaosSuiteRuns().find(key -> Optional.ofNullable(values.get(key)));
  }

  @Test
  void isRegisteredForTheExtensionToFind() {
    assertThat(ServiceLoader.load(SuiteRunProvider.class).stream()
        .map(ServiceLoader.Provider::type)).contains(ChaosSuiteRuns.class);
  }

  @Test
  void outsideTheSuiteThereIsNoRun() {
    assertThat(find(Map.of("supervised.temporal.backend", "cli"))).isEmpty();
  }

  @Test
  void readsTheLabelScaleAndSeedTheSuiteSets() {
    assertThat(find(Map.of(SuiteParameters.RUN_LABEL_KEY, "embedded-basic",
        SuiteParameters.POLICY_SCALE_KEY, "0.05", SuiteParameters.RANDOM_SEED_KEY, "42")))
        .contains(new SuiteRun("embedded-basic", 0.05, 42L));
    assertThat(find(Map.of(SuiteParameters.RUN_LABEL_KEY, "cli-recommended")))
        .contains(new SuiteRun("cli-recommended", 1.0, null));
  }

  @Test
  void aBadValueNamesTheKeyAndWhatIsAccepted() {
    assertThatThrownBy(() -> find(Map.of(SuiteParameters.RUN_LABEL_KEY, "a b")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("supervised.temporal.run-label = 'a b'; accepted: letters, digits, '.', '_' "
            + "or '-'");
    assertThatThrownBy(() -> find(Map.of(SuiteParameters.POLICY_SCALE_KEY, "2")))
        .hasMessage("supervised.temporal.policy-scale = '2'; accepted: a number > 0 and <= 1");
    assertThatThrownBy(() -> find(Map.of(SuiteParameters.RANDOM_SEED_KEY, "x")))
        .hasMessage("supervised.temporal.chaos-random-seed = 'x'; accepted: a whole number");
  }
}
