package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.LogLevel;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Policy;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Standby;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Toggle;
import dev.supervisedtemporal.lifecycle.StandbyMode;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.backend.ServerOptions;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The annotation's typed attributes: each enum maps 1:1 onto the lifecycle's values plus
 * INFERRED, and "not set here" (INFERRED, NOT_SET) still lets the configuration parameter decide.
 */
class AnnotationAttributesTest {

  @Test
  void everyBackendKindHasExactlyOneAttributeValueAndBack() {
    assertThat(Arrays.stream(Backend.values()).map(Backend::kind).flatMap(Optional::stream))
        .containsExactlyInAnyOrder(BackendKind.values());
    for (Backend b : Backend.values()) {
      assertThat(b.kind().map(Enum::name)).isEqualTo(
          b == Backend.INFERRED ? Optional.empty() : Optional.of(b.name()));
    }
  }

  @Test
  void everyStandbyModeHasExactlyOneAttributeValueAndBack() {
    assertThat(Arrays.stream(Standby.values()).map(Standby::mode).flatMap(Optional::stream))
        .containsExactlyInAnyOrder(StandbyMode.values());
    for (Standby s : Standby.values()) {
      assertThat(s.mode().map(Enum::name)).isEqualTo(
          s == Standby.INFERRED ? Optional.empty() : Optional.of(s.name()));
    }
  }

  @Test
  void theLogLevelsAreTheServersLogLevels() {
    assertThat(Arrays.stream(LogLevel.values()).map(LogLevel::level).flatMap(Optional::stream))
        .containsExactlyElementsOf(ServerOptions.LOG_LEVELS);
  }

  @Test
  void everyPolicyValueIsThePresetOfItsName() {
    for (Policy p : Policy.values()) {
      assertThat(p.preset().map(preset -> preset.name().toUpperCase(Locale.ROOT))).isEqualTo(
          p == Policy.INFERRED ? Optional.empty() : Optional.of(p.name()));
    }
    assertThat(Setting.POLICY.accepted()).isEqualTo("basic or recommended");
  }

  @Test
  void toggleIsOnOffOrNotSet() {
    assertThat(Toggle.ON.value()).contains(true);
    assertThat(Toggle.OFF.value()).contains(false);
    assertThat(Toggle.INFERRED.value()).isEmpty();
  }

  @WithSupervisedTemporal
  static class NothingSet {}

  @WithSupervisedTemporal(persistent = Toggle.OFF, failOnLeak = Toggle.ON, port = 7311,
      maxRestarts = 3, standby = Standby.ON, standbyCount = 2, logLevel = LogLevel.ERROR,
      timeSkipping = Toggle.ON, skipIfUnavailable = Toggle.OFF)
  static class AllSet {}

  private static final Map<String, String> CONFIGURED = Map.of(
      "supervised.temporal.persistent", "true",
      "supervised.temporal.fail-on-leak", "false",
      "supervised.temporal.port", "7300",
      "supervised.temporal.max-restarts", "9",
      "supervised.temporal.standby", "after-first-restart",
      "supervised.temporal.standby-count", "3",
      "supervised.temporal.log-level", "debug",
      "supervised.temporal.time-skipping", "false",
      "supervised.temporal.skip-if-unavailable", "true");

  @Test
  void attributesLeftAtTheirDefaultLetTheConfigurationDecide() {
    Settings s = resolve(NothingSet.class);
    assertThat(s.persistent()).isTrue();
    assertThat(s.failOnLeak()).isFalse();
    assertThat(s.port()).isEqualTo(7300);
    assertThat(s.policy().maxRestarts()).isEqualTo(9);
    assertThat(s.standby()).isEqualTo(StandbyMode.AFTER_FIRST_RESTART);
    assertThat(s.standbyCount()).isEqualTo(3);
    assertThat(s.setup().logLevel()).isEqualTo("debug");
    assertThat(s.setup().timeSkipping()).isFalse();
    assertThat(s.setup().skipIfUnavailable()).isTrue();
  }

  @Test
  void attributesSetHereBeatTheConfiguration() {
    Settings s = resolve(AllSet.class);
    assertThat(s.persistent()).isFalse();
    assertThat(s.failOnLeak()).isTrue();
    assertThat(s.port()).isEqualTo(7311);
    assertThat(s.policy().maxRestarts()).isEqualTo(3);
    assertThat(s.standby()).isEqualTo(StandbyMode.ON);
    assertThat(s.standbyCount()).isEqualTo(2);
    assertThat(s.setup().logLevel()).isEqualTo("error");
    assertThat(s.setup().timeSkipping()).isTrue();
    assertThat(s.setup().skipIfUnavailable()).isFalse();
  }

  private static Settings resolve(Class<?> type) {
    return Settings.resolve(Requested.fromAnnotation(type.getAnnotation(
        WithSupervisedTemporal.class)), Requested.fromConfiguration(key -> Optional.ofNullable(
            CONFIGURED.get(key))));
  }
}
