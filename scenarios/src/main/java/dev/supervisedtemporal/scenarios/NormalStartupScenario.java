package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.SupervisorState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** Core case 1: a healthy server, a running supervisor, ticks, and a workflow end to end. */
@WithSupervisedTemporal
@Tag(ScenarioTags.CORE_CASE)
@Tag(ScenarioTags.TIMING)
@DisplayName("1 normal startup with supervisor")
class NormalStartupScenario {

  @Test
  void aHealthyServerTicksAndRunsAWorkflow(SupervisedTemporal temporal, WorkflowClient client,
      TestReporter reporter) throws InterruptedException {
    temporal.awaitHealthy(Duration.ofSeconds(30));
    assertThat(temporal.supervisor().state()).isEqualTo(SupervisorState.RUNNING);
    Duration interval = temporal.supervisor().policy().checkInterval();
    await("three health checks").atMost(interval.multipliedBy(3).plusSeconds(30))
        .until(() -> temporal.events().count(SupervisorEventType.TICK) >= 3);
    assertThat(temporal.events().ofType(SupervisorEventType.TICK))
        .as("ticks of a healthy server").allSatisfy(t -> assertThat(t.healthy()).isTrue());

    String queue = "normal-startup-" + UUID.randomUUID();
    WorkerFactory factory = WorkerFactory.newInstance(client);
    try {
      Worker worker = factory.newWorker(queue);
      worker.registerWorkflowImplementationTypes(GreetingWorkflowImpl.class);
      worker.registerActivitiesImplementations((Greeter) name -> "hello " + name);
      factory.start();
      GreetingWorkflow workflow = client.newWorkflowStub(GreetingWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue(queue)
              .setWorkflowRunTimeout(Duration.ofSeconds(60)).build());
      assertThat(workflow.greet("temporal")).isEqualTo("hello temporal");
    } finally {
      factory.shutdownNow();
      factory.awaitTermination(10, TimeUnit.SECONDS);
    }
    long spawn = temporal.manager().lastStart().map(s -> s.spawnToReady().toMillis()).orElse(-1L);
    KeyTiming.publish(reporter, "spawn->ready " + spawn + " ms, "
        + temporal.events().count(SupervisorEventType.TICK) + " healthy ticks, workflow ok");
  }
}
