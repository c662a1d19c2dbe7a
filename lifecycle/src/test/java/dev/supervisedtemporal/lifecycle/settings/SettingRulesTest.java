package dev.supervisedtemporal.lifecycle.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.supervisedtemporal.lifecycle.StandbyMode;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.backend.ExternalBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingRulesTest {

  @Test
  void eachRuleNamesTheSettingTheProblemAndWhatIsAccepted() {
    assertThatExceptionOfType(InvalidSettingException.class)
        .isThrownBy(() -> SettingRules.port("port", 70000))
        .withMessage("port = 70000 is out of range; accepted: " + SettingRules.PORT_ACCEPTED)
        .satisfies(e -> {
          assertThat(e.setting()).isEqualTo("port");
          assertThat(e.value()).isEqualTo("70000");
          assertThat(e.problem()).isEqualTo("is out of range");
          assertThat(e.accepted()).isEqualTo(SettingRules.PORT_ACCEPTED);
        });
    assertThatExceptionOfType(InvalidSettingException.class)
        .isThrownBy(() -> SettingRules.namespace("namespace", "a b"))
        .withMessage("namespace = 'a b' is not a namespace name; accepted: "
            + SettingRules.NAMESPACE_ACCEPTED);
    assertThatExceptionOfType(InvalidSettingException.class)
        .isThrownBy(() -> SettingRules.target("target", "host:x"))
        .withMessage("target = 'host:x' has no numeric port; accepted: "
            + SettingRules.TARGET_ACCEPTED);
    assertThatExceptionOfType(InvalidSettingException.class)
        .isThrownBy(() -> SettingRules.target("target", "host:0"))
        .withMessageContaining("has a port out of range");
    assertThatExceptionOfType(InvalidSettingException.class)
        .isThrownBy(() -> SettingRules.cliPath("cliPath", Path.of("/no/such/temporal")))
        .withMessage("cliPath = '/no/such/temporal' is not an executable file; accepted: "
            + SettingRules.CLI_PATH_ACCEPTED);
    assertThatExceptionOfType(InvalidSettingException.class)
        .isThrownBy(() -> SettingRules.positive("checkInterval", Duration.ZERO))
        .withMessage("checkInterval = PT0S is not positive; accepted: a positive duration");
    assertThatExceptionOfType(InvalidSettingException.class)
        .isThrownBy(() -> SettingRules.standbyCount("standbyCount", 9))
        .withMessageStartingWith("standbyCount = 9 is out of range; accepted: an integer 1-8");
    assertThatExceptionOfType(InvalidSettingException.class)
        .isThrownBy(() -> DurationText.parse("probeTimeout", "soon"))
        .withMessage("probeTimeout = 'soon' is not a duration; accepted: " + DurationText.ACCEPTED);
  }

  @Test
  void acceptedValuesPassThrough() {
    assertThat(SettingRules.port("port", 0)).isZero();
    assertThat(SettingRules.uiPort("uiPort", 65535)).isEqualTo(65535);
    assertThat(SettingRules.namespace("namespace", "orders.v2")).isEqualTo("orders.v2");
    assertThat(SettingRules.target("target", "[::1]:7233"))
        .isEqualTo(new SettingRules.Target("[::1]", 7233));
    assertThat(SettingRules.standbyCount("standbyCount", SettingRules.MAX_STANDBY_COUNT))
        .isEqualTo(8);
    assertThat(DurationText.parse("checkInterval", "250ms")).isEqualTo(Duration.ofMillis(250));
  }

  /** The builder, the backends and the parsers all reject with the setting named, not in text. */
  @Test
  void theBuilderAndTheBackendsThrowTheTypedException() {
    assertThat(setting(() -> TemporalManager.builder().port(-1).build())).isEqualTo("port");
    assertThat(setting(() -> TemporalManager.builder().namespace("").build()))
        .isEqualTo("namespace");
    assertThat(setting(() -> TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .standby(StandbyMode.ON).standbyCount(0).build())).isEqualTo("standbyCount");
    assertThat(setting(() -> TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .uiPort(1).build())).isEqualTo("uiPort");
    assertThat(setting(() -> TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .dynamicConfig(List.of("a=1")).build())).isEqualTo("dynamicConfig");
    assertThat(setting(() -> new ExternalBackend("localhost"))).isEqualTo("target");
    assertThat(setting(() -> BackendKind.parse("backend", "docker"))).isEqualTo("backend");
    assertThat(setting(() -> StandbyMode.parse("standby", "warm"))).isEqualTo("standby");
  }

  private static String setting(Runnable build) {
    try {
      build.run();
    } catch (InvalidSettingException e) {
      return e.setting();
    }
    throw new AssertionError("no InvalidSettingException");
  }
}
