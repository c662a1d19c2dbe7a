package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.LogLevel;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Toggle;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.backend.BackendDiscovery;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The set-up attributes on real servers: a search attribute and an extra namespace declared on
 * the annotation are there again as soon as the supervisor reports the server healthy after a
 * SIGKILL, on the embedded and the CLI backend.
 */
class ServerSetupIT {

  private static final SearchAttributeKey<String> CUSTOMER_ID =
      SearchAttributeKey.forKeyword("CustomerId");

  @Test
  void embedded() {
    assertPassed(FixtureRunner.run(Map.of(), OnEmbedded.class));
  }

  @Test
  void cli() {
    assumeTrue(BackendDiscovery.findCli().isPresent(),
        "Temporal CLI not installed (run scripts/install-temporal-cli): CLI backend skipped");
    assertPassed(FixtureRunner.run(Map.of(), OnCli.class));
  }

  private static void assertPassed(EngineExecutionResults results) {
    results.allEvents().failed().stream().forEach(e -> System.out.println("[setup] " + e));
    results.containerEvents().assertStatistics(stats -> stats.failed(0).aborted(0));
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  /** Upserts CustomerId and returns what the workflow then sees. */
  @WorkflowInterface
  public interface CustomerWorkflow {
    /** Sets CustomerId. */
    @WorkflowMethod
    String tag(String customerId);
  }

  /** The upserting workflow. */
  public static class CustomerWorkflowImpl implements CustomerWorkflow {
    @Override
    public String tag(String customerId) {
      Workflow.upsertTypedSearchAttributes(CUSTOMER_ID.valueSet(customerId));
      return Workflow.getTypedSearchAttributes().get(CUSTOMER_ID);
    }
  }

  /** The checks both fixtures run. */
  abstract static class SetUpSurvivesAKill {

    @Test
    void searchAttributeAndNamespaceAreBackWhenTheSupervisorSaysHealthy(SupervisedTemporal t,
        WorkflowClient client) throws Exception {
      WorkerFactory factory = WorkerFactory.newInstance(client);
      factory.newWorker("setup").registerWorkflowImplementationTypes(CustomerWorkflowImpl.class);
      factory.start();
      try {
        assertThat(tag(client, "before")).isEqualTo("before");
        long before = t.pid();
        int from = t.events().size();
        t.chaos().kill();
        t.events().await("HEALTHY after the kill", from,
            e -> e.type() == SupervisorEventType.HEALTHY && e.pid() != before,
            Duration.ofSeconds(60));
        describeOnceReachable(t.serviceStubs(), "orders");
        assertThat(tag(client, "after")).isEqualTo("after");
      } finally {
        factory.shutdownNow();
        factory.awaitTermination(10, TimeUnit.SECONDS);
      }
    }

    private static String tag(WorkflowClient client, String value) {
      return client.newWorkflowStub(CustomerWorkflow.class, WorkflowOptions.newBuilder()
          .setTaskQueue("setup").setWorkflowId("customer-" + UUID.randomUUID())
          .setWorkflowRunTimeout(Duration.ofSeconds(60))
          .setTypedSearchAttributes(SearchAttributes.newBuilder()
              .set(CUSTOMER_ID, "start-" + value).build())
          .build()).tag(value);
    }

    /** Retries only a transport error of the client's old connection, never NOT_FOUND. */
    private static void describeOnceReachable(WorkflowServiceStubs stubs, String namespace)
        throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        try {
          stubs.blockingStub().withDeadlineAfter(10, TimeUnit.SECONDS).describeNamespace(
              DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
          return;
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() != Status.Code.UNAVAILABLE
              || System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(50);
        }
      }
    }
  }

  // ------------------------------------------------------------ fixtures: run only via the kit

  @WithSupervisedTemporal(backend = Backend.EMBEDDED, checkInterval = "200ms",
      searchAttributes = "CustomerId=Keyword", namespaces = "orders", logLevel = LogLevel.WARN)
  static class OnEmbedded extends SetUpSurvivesAKill {}

  @WithSupervisedTemporal(backend = Backend.CLI, skipIfUnavailable = Toggle.ON,
      checkInterval = "200ms", searchAttributes = "CustomerId=Keyword", namespaces = "orders",
      dynamicConfig = "frontend.enableUpdateWorkflowExecution=true", logLevel = LogLevel.WARN)
  static class OnCli extends SetUpSurvivesAKill {}
}
