package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import org.junit.jupiter.api.Test;

class ChaosRefusalTest {

  @Test
  void aManagerWithoutItsOwnServerProcessIsNeverTargeted() {
    try (TemporalManager external = TemporalManager.builder().backend(BackendKind.EXTERNAL)
        .target("127.0.0.1:1").build(); Chaos chaos = Chaos.on(external)) {
      assertThatThrownBy(chaos::kill).isInstanceOf(FaultRefusedException.class)
          .hasMessageContaining("runs no server process");
      assertThatThrownBy(chaos::suspend).isInstanceOf(FaultRefusedException.class);
      assertThat(chaos.events().ofType(ChaosEventType.FAULT_REFUSED)).hasSize(2)
          .allSatisfy(e -> assertThat(e.pid()).isEqualTo(-1));
      assertThat(chaos.events().ofType(ChaosEventType.FAULT_INJECTED)).isEmpty();
      assertThat(chaos.openFaults()).isEmpty();
    }
  }
}
