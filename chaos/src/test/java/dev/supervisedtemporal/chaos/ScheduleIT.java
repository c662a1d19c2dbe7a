package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A seeded schedule against a real server replays the same faults. */
class ScheduleIT {

  @Test
  void sameSeedRunsTheSameFaultsTwiceAndRecordsRecovery() throws Exception {
    ChaosSchedule schedule = ChaosSchedule.seeded(42).every(Duration.ofMillis(200))
        .jitter(Duration.ofMillis(100)).hold(Duration.ofMillis(300)).maxFaults(3)
        .faults(FaultKind.KILL, FaultKind.SUSPEND, FaultKind.CORRUPT_PID_FILE);
    try (TemporalManager manager = Servers.embedded(); Chaos chaos = Chaos.on(manager)) {
      manager.start();
      manager.startSupervisor(schedule.seededPolicy(SupervisorPolicy.recommended()));
      ChaosRun first = schedule.run(chaos, Duration.ofMinutes(2));
      ChaosRun second = schedule.run(chaos, Duration.ofMinutes(2));
      assertThat(first.plan()).hasSize(3).isEqualTo(second.plan()).isEqualTo(schedule.plan(3));
      assertThat(first.allRecovered()).as("%s\n%s", first, chaos.timeline()).isTrue();
      assertThat(second.allRecovered()).as("%s\n%s", second, chaos.timeline()).isTrue();
      for (FaultOutcome outcome : first.faults()) {
        assertThat(chaos.events().ofFault(outcome.faultId())).extracting(ChaosEvent::type)
            .contains(ChaosEventType.FAULT_INJECTED, ChaosEventType.FAULT_HEALED,
                ChaosEventType.RPC_RECOVERED);
      }
      assertThat(chaos.openFaults()).isEmpty();
    }
  }
}
