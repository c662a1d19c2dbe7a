package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.backend.CliBackend;
import dev.supervisedtemporal.lifecycle.backend.EmbeddedBackend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The standby setting, on the manager and in a policy: its names, and a clear error where the
 * backend cannot have one or the two disagree.
 */
class StandbyModeTest {

  @Test
  void parsesTheSettingNames() {
    assertThat(StandbyMode.parse("standby", "on")).isEqualTo(StandbyMode.ON);
    assertThat(StandbyMode.parse("standby", " OFF ")).isEqualTo(StandbyMode.OFF);
    assertThat(StandbyMode.parse("standby", "after-first-restart"))
        .isEqualTo(StandbyMode.AFTER_FIRST_RESTART);
    assertThat(StandbyMode.AFTER_FIRST_RESTART.settingName()).isEqualTo("after-first-restart");
  }

  @Test
  void aBadNameNamesTheSettingAndTheAcceptedValues() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StandbyMode.parse("supervised.temporal.standby", "warm"))
        .withMessage("supervised.temporal.standby = 'warm' is not a standby mode; accepted: "
            + "off, on, after-first-restart");
  }

  @Test
  void theCliBackendRefusesAStandbyBeforeAnythingStarts() {
    for (StandbyMode mode : new StandbyMode[] {StandbyMode.ON, StandbyMode.AFTER_FIRST_RESTART}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TemporalManager.builder()
              .backend(new CliBackend(Path.of("/bin/true"))).standby(mode).build())
          .withMessage("standby = " + mode.settingName() + " needs a backend that starts a "
              + "server without binding its port, but backend = cli; accepted: off with this "
              + "backend, or backend = embedded");
    }
  }

  @Test
  void aPolicyCarriesAStandbyThroughItsBuilderAndScaling() {
    assertThat(SupervisorPolicy.recommended().standby()).as("presets leave it").isEmpty();
    assertThat(SupervisorPolicy.basic().standby()).isEmpty();
    SupervisorPolicy policy = SupervisorPolicy.builder().standby(StandbyMode.ON, 3).build();
    assertThat(policy.standby()).contains(StandbyMode.ON);
    assertThat(policy.standbyCount()).isEqualTo(3);
    assertThat(policy.scaled(0.1).standby()).contains(StandbyMode.ON);
    assertThat(policy.toBuilder().build().standbyCount()).isEqualTo(3);
    assertThat(policy.toString()).endsWith(", standby on x3]");
    assertThat(SupervisorPolicy.builder().standby(StandbyMode.AFTER_FIRST_RESTART).build()
        .standbyCount()).isEqualTo(1);
  }

  @Test
  void aPolicyStandbyCountIsOneToEightAndNeedsAStandby() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SupervisorPolicy.builder().standby(StandbyMode.ON, 9).build())
        .withMessage("standbyCount = 9 is out of range; accepted: an integer 1-8: warm standbys "
            + "kept at once");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SupervisorPolicy.builder().standby(StandbyMode.OFF, 2).build())
        .withMessage("standbyCount = 2 needs a standby, but standby = off; accepted: "
            + "standby(ON or AFTER_FIRST_RESTART, count), or standby(OFF)");
  }

  @Test
  void theCliBackendRefusesAPolicyStandbyBeforeTheSupervisorStarts() {
    try (TemporalManager m = TemporalManager.builder()
        .backend(new CliBackend(Path.of("/bin/true"))).build()) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> m.startSupervisor(SupervisorPolicy.builder()
              .standby(StandbyMode.AFTER_FIRST_RESTART).build()))
          .withMessage("policy standby = after-first-restart needs a backend that starts a "
              + "server without binding its port, but backend = cli; accepted: no standby in "
              + "the policy with this backend, or backend = embedded");
      assertThat(m.supervisor()).isEmpty();
      assertThat(m.standby().mode()).isEqualTo(StandbyMode.OFF);
    }
  }

  @Test
  void aPolicyStandbyThatDiffersFromTheManagersIsRefused() {
    try (TemporalManager m = TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .standby(StandbyMode.ON).standbyCount(2).build()) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> m.startSupervisor(SupervisorPolicy.builder()
              .standby(StandbyMode.ON).build()))
          .withMessage("policy standby = on differs from the manager's standby = on x2; "
              + "accepted: the manager's standby, or no standby in the policy");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> m.startSupervisor(SupervisorPolicy.builder()
              .standby(StandbyMode.OFF).build()))
          .withMessageStartingWith("policy standby = off differs from the manager's standby");
      assertThat(m.supervisor()).isEmpty();
      assertThat(m.standby().count()).isEqualTo(2);
    }
  }

  @Test
  void aStandbyCommandLineIsRecognisedByItsPortAndFlag() {
    String launcher = "dev.supervisedtemporal.lifecycle.backend.EmbeddedServerMain";
    List<String> standby = List.of("/usr/bin/java", "-cp", "x.jar", launcher, "7233", "42",
        "--standby");
    assertThat(EmbeddedBackend.isStandbyFor(standby, 7233)).isTrue();
    assertThat(EmbeddedBackend.isStandbyFor(standby, 7234)).isFalse();
    assertThat(EmbeddedBackend.isStandbyFor(List.of("/usr/bin/java", launcher, "7233", "42"),
        7233)).as("a server, not a standby").isFalse();
    assertThat(EmbeddedBackend.isStandbyFor(List.of("/usr/bin/java"), 7233)).isFalse();
  }

  @Test
  void embeddedAcceptsEveryModeAndOffIsTheDefault() {
    for (StandbyMode mode : StandbyMode.values()) {
      try (TemporalManager m = TemporalManager.builder().backend(BackendKind.EMBEDDED)
          .standby(mode).build()) {
        assertThat(m.standby().mode()).isEqualTo(mode);
        assertThat(m.standby().pid()).isEqualTo(-1);
      }
    }
    try (TemporalManager m = TemporalManager.builder().backend(BackendKind.EMBEDDED).build()) {
      assertThat(m.standby().mode()).isEqualTo(StandbyMode.OFF);
    }
  }

  @Test
  void aStandbyCountIsOneToEightAndNeedsAStandby() {
    try (TemporalManager m = TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .standby(StandbyMode.ON).build()) {
      assertThat(m.standby().count()).as("the default pool").isEqualTo(1);
    }
    try (TemporalManager m = TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .standby(StandbyMode.ON).standbyCount(8).build()) {
      assertThat(m.standby().count()).isEqualTo(8);
    }
    for (int bad : new int[] {0, 9}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TemporalManager.builder().backend(BackendKind.EMBEDDED)
              .standby(StandbyMode.ON).standbyCount(bad).build())
          .withMessage("standbyCount = " + bad + " is out of range; accepted: an integer 1-8: "
              + "warm standbys kept at once");
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TemporalManager.builder().backend(BackendKind.EMBEDDED)
            .standbyCount(2).build())
        .withMessage("standbyCount = 2 needs a standby, but standby = off; accepted: standby = "
            + "on or after-first-restart with it, or no standbyCount");
  }
}
