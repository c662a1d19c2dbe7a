package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.lifecycle.ProbeDepth;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Precedence: explicit attribute or builder value > configuration parameter > default. */
class SettingsTest {

  @WithSupervisedTemporal(checkInterval = "300ms", backend = WithSupervisedTemporal.Backend.EMBEDDED)
  static class Annotated {}

  static class Plain {}

  private static Requested config(Map<String, String> parameters) {
    return Requested.fromConfiguration(key -> Optional.ofNullable(parameters.get(key)));
  }

  private static Requested annotationOf(Class<?> type) {
    WithSupervisedTemporal a = type.getAnnotation(WithSupervisedTemporal.class);
    return a == null ? Requested.none() : Requested.fromAnnotation(a);
  }

  @Test
  void defaultsWhenNothingIsSet() {
    Settings s = Settings.resolve(annotationOf(Plain.class), config(Map.of()));
    assertThat(s.backend()).isEqualTo(BackendKind.AUTO);
    assertThat(s.port()).isZero();
    assertThat(s.namespace()).isEqualTo("default");
    assertThat(s.policy().name()).isEqualTo("recommended");
    assertThat(s.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.persistent()).isFalse();
    assertThat(s.failOnLeak()).isTrue();
  }

  @Test
  void attributeBeatsConfigurationWhichBeatsDefault() {
    Settings s = Settings.resolve(annotationOf(Annotated.class), config(Map.of(
        "supervised.temporal.check-interval", "700ms",
        "supervised.temporal.probe-timeout", "400ms",
        "supervised.temporal.backend", "cli",
        "supervised.temporal.policy", "basic",
        "supervised.temporal.fail-on-leak", "false",
        "supervised.temporal.namespace", "payments")));
    assertThat(s.backend()).isEqualTo(BackendKind.EMBEDDED);
    assertThat(s.policy().checkInterval()).isEqualTo(Duration.ofMillis(300));
    assertThat(s.policy().probeTimeout()).isEqualTo(Duration.ofMillis(400));
    assertThat(s.policy().probeDepth()).isEqualTo(ProbeDepth.CONNECT);
    assertThat(s.policy().name()).isEqualTo("custom");
    assertThat(s.failOnLeak()).isFalse();
    assertThat(s.namespace()).isEqualTo("payments");
  }

  @Test
  void builderBeatsConfiguration() {
    Requested builder = Requested.none()
        .typed(Setting.CHECK_INTERVAL, Duration.ofMillis(250), "PT0.25S")
        .typed(Setting.POLICY, SupervisorPolicy.basic(), "basic");
    Settings s = Settings.resolve(builder, config(Map.of(
        "supervised.temporal.check-interval", "2s", "supervised.temporal.policy", "recommended")));
    assertThat(s.policy().checkInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.policy().failureThreshold()).isEqualTo(1); // the basic preset
  }

  @Test
  void restartBackoffReplacesTheInitialBackoffAndKeepsAFixedBackoffFixed() {
    Settings basic = Settings.resolve(Requested.none(), config(Map.of(
        "supervised.temporal.policy", "basic", "supervised.temporal.restart-backoff", "3s")));
    assertThat(basic.policy().initialBackoff()).isEqualTo(Duration.ofSeconds(3));
    assertThat(basic.policy().maxBackoff()).isEqualTo(Duration.ofSeconds(3));
    Settings rec = Settings.resolve(Requested.none(), config(Map.of(
        "supervised.temporal.restart-backoff", "200ms")));
    assertThat(rec.policy().initialBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(rec.policy().maxBackoff()).isEqualTo(SupervisorPolicy.recommended().maxBackoff());
  }

  @Test
  void badConfigurationParametersNameTheKeyTheValueAndWhatIsAccepted() {
    assertThatThrownBy(() -> config(Map.of("supervised.temporal.backend", "quantum")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("configuration parameter supervised.temporal.backend = \"quantum\" is not a "
            + "backend; accepted: auto, embedded, cli or external");
    assertThatThrownBy(() -> config(Map.of("supervised.temporal.check-interval", "0s")))
        .hasMessageStartingWith("configuration parameter supervised.temporal.check-interval = "
            + "\"0s\" is not positive; accepted: a positive duration");
    assertThatThrownBy(() -> config(Map.of("supervised.temporal.port", "http")))
        .hasMessageContaining("supervised.temporal.port = \"http\" is not an integer");
  }

  @Test
  void badBuilderValuesNameTheBuilderMethod() {
    assertThatThrownBy(() -> Requested.none().typed(Setting.PROBE_TIMEOUT, Duration.ZERO, "PT0S"))
        .hasMessageStartingWith("SupervisedTemporalExtension.builder().probeTimeout(PT0S) is not "
            + "positive; accepted:");
  }

  @Test
  void externalNeedsATargetAndATargetNeedsExternal() {
    assertThatThrownBy(() -> Settings.resolve(Requested.none(),
        config(Map.of("supervised.temporal.backend", "external"))))
        .hasMessageContaining("backend = \"external\" needs a target");
    assertThatThrownBy(() -> Settings.resolve(Requested.none(),
        config(Map.of("supervised.temporal.target", "127.0.0.1:7233"))))
        .hasMessageContaining("is only used with backend = EXTERNAL, but backend = AUTO");
  }
}
