package dev.supervisedtemporal.scenarios.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.chaos.Fault;
import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Toggle;
import dev.supervisedtemporal.extension.WithWorker;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.backend.BackendDiscovery;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import io.temporal.client.WorkflowClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * On the persistent CLI backend, the scenario workflows are in flight (started, timers and
 * retries pending, the approval waiting for its signal) when the server is SIGKILLed; the
 * supervisor restarts it on the same database file, and the same worker finishes them all with
 * the expected results (the signal sent after the restart included).
 */
@EnabledIf(value = "cliInstalled",
    disabledReason = "no Temporal CLI installed (set TEMPORAL_CLI or -Dsupervised.temporal.cli, "
        + "or put temporal on PATH)")
@WithSupervisedTemporal(backend = Backend.CLI, persistent = Toggle.ON)
@WithWorker(taskQueue = WorkflowSet.TASK_QUEUE, workflows = {ApprovalWorkflowImpl.class,
    ParentWorkflowImpl.class, GreetingChildWorkflowImpl.class, TimerWorkflowImpl.class,
    RetryWorkflowImpl.class, TripWorkflowImpl.class}, activities = TripActivitiesImpl.class)
class WorkflowsSurviveAKillIT {

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  static boolean cliInstalled() {
    return BackendDiscovery.findCli().isPresent();
  }

  @Test
  void workflowsInFlightCompleteWithTheirResultsAfterAKill(SupervisedTemporal temporal,
      WorkflowClient client, TestReporter reporter) throws Exception {
    long t0 = System.nanoTime();
    assertThat(temporal.backend()).isEqualTo(BackendKind.CLI);
    Path db = temporal.manager().stateDir().resolve("temporal.db");
    WorkflowSet set = WorkflowSet.start(client, WorkflowSet.TASK_QUEUE);
    set.awaitWaitingForApproval(Duration.ofSeconds(30));
    List<String> inFlight = set.running();
    assertThat(inFlight).as("workflows running when the server is killed")
        .contains("signal+query");
    long before = temporal.pid();
    int from = temporal.events().size();

    long started = System.nanoTime();
    Fault kill = temporal.chaos().kill();
    temporal.chaos().awaitRecovery(kill, Duration.ofSeconds(60));
    long recovered = System.nanoTime();
    SupervisorEvent restarted = temporal.events().await("RESTARTED after the kill", from,
        e -> e.type() == SupervisorEventType.RESTARTED, Duration.ofSeconds(60));
    temporal.awaitHealthy(Duration.ofSeconds(30));

    assertThat(restarted.pid()).isNotEqualTo(before);
    assertThat(db).as("the database file the server restarted on").isRegularFile();
    assertThat(Files.size(db)).isPositive();
    assertThat(set.approvalStatus()).as("the query answered from the restored history")
        .isEqualTo("waiting for approval of trip");
    set.approve("ann");
    assertThat(set.results(Duration.ofSeconds(90))).isEqualTo(WorkflowSet.expected());
    assertThat(temporal.supervisor().restartCount()).isEqualTo(1);
    String timing = String.format(
        "started->kill %d ms (in flight: %s), kill->RPC ok %d ms, kill->all %d workflows done "
            + "%d ms", ms(started - t0), inFlight, ms(recovered - kill.injectedNanos()),
        WorkflowSet.expected().size(), ms(System.nanoTime() - kill.injectedNanos()));
    reporter.publishEntry("supervised-temporal.workflows-after-kill", timing);
    System.out.println("workflows after a kill: " + timing);
  }
}
