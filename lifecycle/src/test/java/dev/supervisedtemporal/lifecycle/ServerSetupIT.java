package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.backend.SearchAttributeType;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.Signal;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Server set-up against real servers with a real worker: timers run in real time unless time
 * skipping is asked for, and search attributes and extra namespaces are there again after a
 * crash before the supervisor reports the new server healthy.
 */
class ServerSetupIT {

  private static final String QUEUE = "server-setup";
  private static final SearchAttributeKey<String> CUSTOMER_ID =
      SearchAttributeKey.forKeyword("CustomerId");

  /** Sleeps on a workflow timer. */
  @WorkflowInterface
  public interface TimerWorkflow {
    /** Sleeps for the given milliseconds, then returns. */
    @WorkflowMethod
    String sleep(long millis);
  }

  /** Upserts the custom search attribute and returns what the workflow then sees. */
  @WorkflowInterface
  public interface CustomerWorkflow {
    /** Sets CustomerId to the value. */
    @WorkflowMethod
    String tag(String customerId);
  }

  /** The timer workflow. */
  public static class TimerWorkflowImpl implements TimerWorkflow {
    @Override
    public String sleep(long millis) {
      Workflow.sleep(Duration.ofMillis(millis));
      return "slept";
    }
  }

  /** The upserting workflow. */
  public static class CustomerWorkflowImpl implements CustomerWorkflow {
    @Override
    public String tag(String customerId) {
      Workflow.upsertTypedSearchAttributes(CUSTOMER_ID.valueSet(customerId));
      return Workflow.getTypedSearchAttributes().get(CUSTOMER_ID);
    }
  }

  @ParameterizedTest
  @EnumSource(value = BackendKind.class, names = {"EMBEDDED", "CLI"})
  void aTwoSecondTimerTakesTwoSecondsByDefault(BackendKind kind) throws Exception {
    try (TemporalManager m = Backends.builder(kind).build()) {
      m.start();
      long took = timeTwoSecondTimer(m);
      System.out.println("[timer] " + kind + " real time: 2 s timer took " + took + " ms");
      assertThat(took).isGreaterThanOrEqualTo(2000);
    }
  }

  @Test
  void withTimeSkippingTheEmbeddedServerIsFaster() throws Exception {
    try (TemporalManager m = Backends.builder(BackendKind.EMBEDDED).timeSkipping(true).build()) {
      m.start();
      long took = timeTwoSecondTimer(m);
      System.out.println("[timer] EMBEDDED time skipping: 2 s timer took " + took + " ms");
      assertThat(took).isLessThan(2000);
    }
  }

  @ParameterizedTest
  @EnumSource(value = BackendKind.class, names = {"EMBEDDED", "CLI"})
  void searchAttributesAndNamespacesAreBackBeforeTheRestartedServerIsHealthy(BackendKind kind)
      throws Exception {
    try (TemporalManager m = Backends.builder(kind)
        .searchAttribute("CustomerId", SearchAttributeType.KEYWORD)
        .namespaces(List.of("orders"))
        .build()) {
      m.start();
      m.startSupervisor(Backends.quick());
      WorkflowServiceStubs stubs = stubs(m);
      WorkerFactory factory = worker(m, stubs);
      try {
        assertThat(tag(m, stubs, "before")).isEqualTo("before");

        int from = m.events().size();
        long before = m.pid();
        ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
        SupervisorEvent healthy = m.events().await("HEALTHY after SIGKILL", from,
            e -> e.type() == SupervisorEventType.HEALTHY && e.pid() != before,
            Duration.ofSeconds(60));
        assertThat(healthy.pid()).isNotEqualTo(before);

        // No waiting beyond the supervisor's word: the attribute and namespace are there now.
        // Only a transport error of the client's old connection is retried, never NOT_FOUND.
        describeOnceReachable(stubs, "orders");
        assertThat(tag(m, stubs, "after-restart")).isEqualTo("after-restart");
      } finally {
        close(factory, stubs);
      }
    }
  }

  private static void describeOnceReachable(WorkflowServiceStubs stubs, String namespace)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        stubs.blockingStub().withDeadlineAfter(10, TimeUnit.SECONDS).describeNamespace(
            DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
        return;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  /** Starts a workflow that carries and upserts CustomerId; a missing attribute fails it. */
  private static String tag(TemporalManager m, WorkflowServiceStubs stubs, String value) {
    CustomerWorkflow wf = client(m, stubs).newWorkflowStub(CustomerWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE)
            .setWorkflowId("customer-" + UUID.randomUUID())
            .setWorkflowRunTimeout(Duration.ofSeconds(60))
            .setTypedSearchAttributes(SearchAttributes.newBuilder()
                .set(CUSTOMER_ID, "start-" + value).build())
            .build());
    return wf.tag(value);
  }

  private static long timeTwoSecondTimer(TemporalManager m) throws Exception {
    WorkflowServiceStubs stubs = stubs(m);
    WorkerFactory factory = worker(m, stubs);
    try {
      WorkflowClient client = client(m, stubs);
      // A first workflow warms the worker up, so the measured one is the timer, not class loading.
      client.newWorkflowStub(TimerWorkflow.class, WorkflowOptions.newBuilder()
          .setTaskQueue(QUEUE).setWorkflowId("warm-up-" + UUID.randomUUID()).build()).sleep(0);
      TimerWorkflow wf = client.newWorkflowStub(TimerWorkflow.class, WorkflowOptions.newBuilder()
          .setTaskQueue(QUEUE).setWorkflowId("timer-" + UUID.randomUUID()).build());
      long began = System.nanoTime(); // before the timer can exist
      WorkflowExecution run = WorkflowClient.start(wf::sleep, 2000L);
      String result = client.newUntypedWorkflowStub(run.getWorkflowId())
          .getResult(60, TimeUnit.SECONDS, String.class);
      assertThat(result).isEqualTo("slept");
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    } finally {
      close(factory, stubs);
    }
  }

  private static WorkflowServiceStubs stubs(TemporalManager m) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(m.target()).build());
  }

  private static WorkflowClient client(TemporalManager m, WorkflowServiceStubs stubs) {
    return WorkflowClient.newInstance(stubs,
        WorkflowClientOptions.newBuilder().setNamespace(m.namespace()).build());
  }

  private static WorkerFactory worker(TemporalManager m, WorkflowServiceStubs stubs) {
    WorkerFactory factory = WorkerFactory.newInstance(client(m, stubs));
    Worker worker = factory.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(TimerWorkflowImpl.class, CustomerWorkflowImpl.class);
    factory.start();
    return factory;
  }

  private static void close(WorkerFactory factory, WorkflowServiceStubs stubs)
      throws InterruptedException {
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    stubs.shutdownNow();
    stubs.awaitTermination(10, TimeUnit.SECONDS);
  }
}
