package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.Signal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmokeIT {
  @Test
  void startsKillsRecovers() throws Exception {
    try (TemporalManager m = TemporalManager.builder().backend(BackendKind.EMBEDDED).build()) {
      StartResult r = m.start();
      System.out.println("start " + r + " health " + m.health());
      StartResult again = m.start();
      assertThat(again.reused()).isTrue();
      Supervisor s = m.startSupervisor(SupervisorPolicy.recommended());
      long pid = m.pid();
      int from = m.events().size();
      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
      m.events().await("restarted", from, e -> e.type() == SupervisorEventType.RESTARTED,
          Duration.ofSeconds(30));
      assertThat(m.pid()).isNotEqualTo(pid);
      assertThat(m.answersRpc(Duration.ofSeconds(2))).isTrue();
      System.out.println(m.events().timeline());
    }
  }
}
