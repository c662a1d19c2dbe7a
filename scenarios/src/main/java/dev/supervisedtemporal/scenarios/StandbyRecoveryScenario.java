package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.chaos.ChaosEventType;
import dev.supervisedtemporal.chaos.Fault;
import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Standby;
import dev.supervisedtemporal.lifecycle.StandbyStatus;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Case 2 again with a warm standby: each {@code kill -9} is served by the promoted standby (its
 * pid becomes the server's) and a new standby follows; the report shows this recovery next to
 * {@link CrashRecoveryScenario}'s cold restarts of the same run. Embedded backend only.
 */
@ExtendWith(EmbeddedBackendOnly.class)
@WithSupervisedTemporal(standby = Standby.ON)
@Tag(ScenarioTags.CHAOS)
@DisplayName("2s warm standby: kill -9 served by the promoted standby")
public class StandbyRecoveryScenario {

  @Test
  void aKilledServerIsReplacedByItsWarmStandby(SupervisedTemporal temporal,
      TestReporter reporter) throws Exception {
    temporal.awaitHealthy(Duration.ofSeconds(30));
    List<Double> recoveries = new ArrayList<>();
    for (int i = 0; i < CrashRecoveryScenario.KILLS; i++) {
      long standby = awaitWarmStandby(temporal);
      long before = temporal.pid();
      int from = temporal.events().size();
      Fault kill = temporal.chaos().kill();
      assertThat(temporal.chaos().awaitRecovery(kill, Duration.ofSeconds(60)))
          .as("a client RPC succeeds after kill %d", i + 1).isTrue();
      SupervisorEvent restarted = temporal.events().await("RESTARTED after kill " + (i + 1),
          from, e -> e.type() == SupervisorEventType.RESTARTED, Duration.ofSeconds(60));
      assertThat(restarted.pid()).as("the promoted standby serves").isEqualTo(standby)
          .isNotEqualTo(before);
      assertThat(temporal.pid()).isEqualTo(standby);
      temporal.chaos().events().ofFault(kill.id()).stream()
          .filter(e -> e.type() == ChaosEventType.RPC_RECOVERED).findFirst()
          .ifPresent(e -> recoveries.add(KeyTiming.ms(e.nanoTime() - kill.injectedNanos())));
    }
    StandbyStatus status = temporal.manager().standby();
    assertThat(status.promotions()).isEqualTo(CrashRecoveryScenario.KILLS);
    assertThat(status.failedPromotions()).isZero();
    KeyTiming.publish(reporter, String.format("recovery median %.0f ms over %d kills %s, "
        + "standby promoted each time", KeyTiming.median(recoveries),
        CrashRecoveryScenario.KILLS, CrashRecoveryScenario.rounded(recoveries)));
  }

  /** Waits until a standby has warmed up, so that each kill is an isolated one; its pid. */
  private static long awaitWarmStandby(SupervisedTemporal temporal) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      StandbyStatus status = temporal.manager().standby();
      if (status.warm()) {
        return status.pid();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no warm standby within 60 s: " + temporal.manager().standby());
  }
}
