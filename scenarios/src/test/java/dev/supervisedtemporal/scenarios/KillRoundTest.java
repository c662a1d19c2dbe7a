package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The crash scenarios tell a server that exited on its own from one they killed. */
class KillRoundTest {

  @Test
  void onlyAnExitOfAServerNobodyKilledCountsAsOnItsOwn() {
    SupervisorEvent killed = unhealthy("PROCESS_ALIVE failed: pid 100 exited with code 137");
    SupervisorEvent own = unhealthy("PROCESS_ALIVE failed: pid 1000 exited with code 2");
    SupervisorEvent hung = unhealthy("HEALTH failed: deadline exceeded");
    SupervisorEvent restarted = new SupervisorEvent(SupervisorEventType.RESTARTED, 1,
        Instant.EPOCH, 1000, true, 1, Duration.ZERO, "pid 1000 exited with code 2");

    List<SupervisorEvent> found = KillRound.exitsOnTheirOwn(
        List.of(killed, own, hung, restarted), List.of(100L));

    assertThat(found).containsExactly(own);
    assertThat(KillRound.describe(found)).isEqualTo("; 1 more restart(s) after a server exited "
        + "on its own: PROCESS_ALIVE failed: pid 1000 exited with code 2");
    assertThat(KillRound.describe(List.of())).isEmpty();
  }

  private static SupervisorEvent unhealthy(String reason) {
    return new SupervisorEvent(SupervisorEventType.UNHEALTHY, 1, Instant.EPOCH, -1, false, 0,
        Duration.ZERO, reason);
  }
}
