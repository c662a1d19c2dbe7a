package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.chaos.Fault;
import dev.supervisedtemporal.extension.TestWorkflows.Greeting;
import dev.supervisedtemporal.extension.TestWorkflows.GreetingImpl;
import dev.supervisedtemporal.extension.TestWorkflows.HelloGreeter;
import dev.supervisedtemporal.extension.TestWorkflows.PrefixGreeter;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workers declared with {@link WithWorker} and added in {@code @BeforeAll} run workflows, keep
 * running them across a server restart, and the injected clients carry the class's customizer.
 */
@WithSupervisedTemporal(backend = Backend.EMBEDDED, clientCustomizer = WorkersIT.Identity.class)
@WithWorker(taskQueue = WorkersIT.DECLARED, workflows = GreetingImpl.class,
    activities = HelloGreeter.class)
class WorkersIT {

  static final String DECLARED = "workers-it-declared";
  static final String ADDED = "workers-it-added";
  static final String IDENTITY = "workers-it-client";

  /** Names the injected client. */
  static class Identity implements ClientCustomizer {
    @Override
    public void workflowClient(WorkflowClientOptions.Builder options) {
      options.setIdentity(IDENTITY);
    }
  }

  @BeforeAll
  static void addAWorkerWithADependency(TemporalWorkers workers) {
    workers.start(ADDED, w -> w.workflows(GreetingImpl.class).activities(new PrefixGreeter("hi")));
  }

  @Test
  void theDeclaredWorkerRunsAWorkflow(WorkflowClient client) {
    assertThat(greet(client, DECLARED, "ann")).isEqualTo("hello ann");
  }

  @Test
  void aWorkerAddedInBeforeAllRunsAWorkflow(WorkflowClient client, TemporalWorkers workers) {
    assertThat(workers.taskQueues()).containsExactly(DECLARED, ADDED);
    assertThat(greet(client, ADDED, "bob")).isEqualTo("hi bob");
  }

  @Test
  void aTaskQueueThatHasAWorkerIsRefused(TemporalWorkers workers) {
    assertThatThrownBy(() -> workers.start(DECLARED, w -> w.workflows(GreetingImpl.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task queue \"" + DECLARED + "\" already has a worker");
  }

  @Test
  void theInjectedClientCarriesTheCustomizer(WorkflowClient client, SupervisedTemporal temporal) {
    assertThat(client.getOptions().getIdentity()).isEqualTo(IDENTITY);
    assertThat(temporal.workflowClient()).isSameAs(client);
  }

  @Test
  void backendNamesTheServerThatRuns(SupervisedTemporal temporal) {
    assertThat(temporal.backend()).isEqualTo(BackendKind.EMBEDDED);
  }

  @Test
  void theSameWorkersRunANewWorkflowAfterTheServerWasKilled(SupervisedTemporal temporal,
      WorkflowClient client, TemporalWorkers workers) throws InterruptedException {
    Worker declared = workers.worker(DECLARED).orElseThrow();
    assertThat(greet(client, DECLARED, "before")).isEqualTo("hello before");
    long pid = temporal.pid();

    Fault kill = temporal.chaos().kill();
    temporal.chaos().awaitRecovery(kill, Duration.ofSeconds(60));
    temporal.awaitHealthy(Duration.ofSeconds(30));

    assertThat(temporal.pid()).isNotEqualTo(pid);
    assertThat(greet(client, DECLARED, "after")).isEqualTo("hello after");
    assertThat(greet(client, ADDED, "after")).isEqualTo("hi after");
    assertThat(workers.worker(DECLARED)).containsSame(declared);
    assertThat(declared.isSuspended()).isFalse();
  }

  static String greet(WorkflowClient client, String taskQueue, String name) {
    return client.newWorkflowStub(Greeting.class, WorkflowOptions.newBuilder()
            .setTaskQueue(taskQueue).setWorkflowId(taskQueue + "-" + UUID.randomUUID())
            .setWorkflowExecutionTimeout(Duration.ofSeconds(60)).build())
        .greet(name);
  }
}
