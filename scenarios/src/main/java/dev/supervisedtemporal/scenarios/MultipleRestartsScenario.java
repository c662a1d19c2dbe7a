package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.extension.WithWorker;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Core case 4: five kills in a row, each recovered, the restart count matches, and the last
 * restart is no slower than the first beyond noise.
 *
 * <p>"Slower" compares spawn → ready of the restarts: the recommended policy's backoff grows on
 * purpose between quick crashes, so the whole recovery time is not expected to stay flat.
 */
@WithSupervisedTemporal
@WithWorker(taskQueue = GreetingWorkerCheck.TASK_QUEUE, workflows = GreetingWorkflowImpl.class,
    activities = HelloGreeter.class)
@Tag(ScenarioTags.CORE_CASE)
@Tag(ScenarioTags.TIMING)
@DisplayName("4 multiple restarts")
class MultipleRestartsScenario {

  static final int KILLS = 5;

  @Test
  void fiveKillsAreFiveRecoveries(SupervisedTemporal temporal, WorkflowClient client,
      TestReporter reporter) throws Exception {
    temporal.awaitHealthy(Duration.ofSeconds(30));
    GreetingWorkerCheck.enrol(temporal, client);
    int restartsBefore = temporal.supervisor().restartCount();
    int eventsBefore = temporal.events().size();
    List<Double> spawnToReady = new ArrayList<>();
    List<Double> recovery = new ArrayList<>();
    List<Long> killed = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      killed.add(temporal.pid());
      KillRound round = KillRound.run(temporal, i + 1);
      spawnToReady.add(KeyTiming.ms(round.restarted().duration().toNanos()));
      recovery.add(round.recoveryMs());
    }
    List<SupervisorEvent> ownExits = KillRound.exitsOnTheirOwn(temporal, eventsBefore, killed);
    assertThat(temporal.supervisor().restartCount() - restartsBefore).as("restarts: one per "
        + "kill, one per exit on its own %s", ownExits).isEqualTo(KILLS + ownExits.size());
    double first = spawnToReady.get(0);
    double last = spawnToReady.get(KILLS - 1);
    assertThat(last).as("last spawn->ready (ms) against the first, %s", spawnToReady)
        .isLessThanOrEqualTo(first * 3 + 1000);
    KeyTiming.publish(reporter, String.format(
        "%d restarts; spawn->ready first %.0f last %.0f ms; recovery %s ms", KILLS, first, last,
        KillRound.rounded(recovery)) + KillRound.describe(ownExits));
  }
}
