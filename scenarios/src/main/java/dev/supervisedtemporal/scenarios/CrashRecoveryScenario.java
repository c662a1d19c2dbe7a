package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.extension.WithWorker;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** Core case 2: {@code kill -9} is detected, the server restarts with a new pid, RPCs work. */
@WithSupervisedTemporal
@WithWorker(taskQueue = GreetingWorkerCheck.TASK_QUEUE, workflows = GreetingWorkflowImpl.class,
    activities = HelloGreeter.class)
@Tag(ScenarioTags.CORE_CASE)
@Tag(ScenarioTags.TIMING)
@DisplayName("2 crash recovery (kill -9)")
class CrashRecoveryScenario {

  static final int KILLS = 3;

  @Test
  void aKilledServerIsDetectedRestartedAndAnswersAgain(SupervisedTemporal temporal,
      WorkflowClient client, TestReporter reporter) throws Exception {
    temporal.awaitHealthy(Duration.ofSeconds(30));
    GreetingWorkerCheck.enrol(temporal, client);
    List<Double> recoveries = new ArrayList<>();
    List<Long> killed = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      long before = temporal.pid();
      killed.add(before);
      KillRound round = KillRound.run(temporal, i + 1);
      temporal.events().await("HEALTHY after kill " + (i + 1), round.from(),
          e -> e.type() == SupervisorEventType.HEALTHY, Duration.ofSeconds(60));
      List<SupervisorEventType> order = temporal.events().since(round.from()).stream()
          .map(SupervisorEvent::type)
          .filter(t -> t != SupervisorEventType.TICK && t != SupervisorEventType.BACKOFF)
          .toList();
      assertThat(order).as("events after kill %d:\n%s", i + 1, round.eventsSoFar())
          .containsSubsequence(SupervisorEventType.UNHEALTHY, SupervisorEventType.RESTART_ATTEMPT,
              SupervisorEventType.RESTARTED, SupervisorEventType.HEALTHY);
      assertThat(round.restarted().pid()).isNotEqualTo(before);
      assertThat(temporal.manager().answersRpc(Duration.ofSeconds(5))).isTrue();
      recoveries.add(round.recoveryMs());
    }
    List<SupervisorEvent> ownExits = KillRound.exitsOnTheirOwn(temporal, 0, killed);
    assertThat(temporal.supervisor().restartCount()).as("restarts: one per kill, one per exit "
        + "on its own %s", ownExits).isEqualTo(KILLS + ownExits.size());
    KeyTiming.publish(reporter, String.format("recovery median %.0f ms over %d kills %s",
        KeyTiming.median(recoveries), KILLS, KillRound.rounded(recoveries))
        + KillRound.describe(ownExits));
  }
}
