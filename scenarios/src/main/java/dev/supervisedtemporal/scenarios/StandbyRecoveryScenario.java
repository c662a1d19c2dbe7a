package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.extension.WithWorker;
import dev.supervisedtemporal.lifecycle.Await;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Standby;
import dev.supervisedtemporal.lifecycle.StandbyStatus;
import io.temporal.client.WorkflowClient;
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
@WithWorker(taskQueue = GreetingWorkerCheck.TASK_QUEUE, workflows = GreetingWorkflowImpl.class,
    activities = HelloGreeter.class)
@Tag(ScenarioTags.CHAOS)
@DisplayName("2s warm standby: kill -9 served by the promoted standby")
class StandbyRecoveryScenario {

  @Test
  void aKilledServerIsReplacedByItsWarmStandby(SupervisedTemporal temporal,
      WorkflowClient client, TestReporter reporter) throws Exception {
    temporal.awaitHealthy(Duration.ofSeconds(30));
    GreetingWorkerCheck.enrol(temporal, client);
    List<Double> recoveries = new ArrayList<>();
    for (int i = 0; i < CrashRecoveryScenario.KILLS; i++) {
      long standby = awaitWarmStandby(temporal);
      long before = temporal.pid();
      KillRound round = KillRound.run(temporal, i + 1);
      assertThat(round.restarted().pid()).as("the promoted standby serves:\n%s",
          round.eventsSoFar()).isEqualTo(standby).isNotEqualTo(before);
      assertThat(temporal.pid()).isEqualTo(standby);
      recoveries.add(round.recoveryMs());
    }
    StandbyStatus status = temporal.manager().standby();
    assertThat(status.promotions()).isEqualTo(CrashRecoveryScenario.KILLS);
    assertThat(status.failedPromotions()).isZero();
    KeyTiming.publish(reporter, String.format("recovery median %.0f ms over %d kills %s, "
        + "standby promoted each time", KeyTiming.median(recoveries),
        CrashRecoveryScenario.KILLS, KillRound.rounded(recoveries)));
  }

  /** Waits until a standby has warmed up, so that each kill is an isolated one; its pid. */
  private static long awaitWarmStandby(SupervisedTemporal temporal) {
    return Await.until("a warm standby").atMost(KillRound.TIMEOUT)
        .until(() -> temporal.manager().standby(), StandbyStatus::warm).pid();
  }
}
