package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.Signal;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With a database file, a workflow whose activity is pending survives a SIGKILL of the CLI dev
 * server; in memory, it does not.
 */
class CliPersistenceIT {

  private static final String QUEUE = "persistence";

  /** A workflow that runs one activity and returns its result. */
  @WorkflowInterface
  public interface GreetingWorkflow {
    /** Greets the name through the activity. */
    @WorkflowMethod
    String greet(String name);
  }

  /** The activity that stays pending until the test releases it. */
  @ActivityInterface
  public interface Greeter {
    /** Returns a greeting once released. */
    String hello(String name);
  }

  /** Runs the activity with a generous timeout. */
  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private final Greeter greeter = Workflow.newActivityStub(Greeter.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2)).build());

    @Override
    public String greet(String name) {
      return greeter.hello(name);
    }
  }

  static final class BlockingGreeter implements Greeter {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public String hello(String name) {
      started.countDown();
      try {
        release.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "hello " + name;
    }
  }

  @Test
  void aPendingWorkflowCompletesAfterACrashWhenTheDatabaseIsAFile() throws Exception {
    afterACrashWithAPendingActivity(true, "durable", (m, stubs, client, run, greeter) -> {
      greeter.release.countDown();
      String result = client.newUntypedWorkflowStub(run.getWorkflowId())
          .getResult(90, TimeUnit.SECONDS, String.class);
      assertThat(result).isEqualTo("hello durable");
    });
  }

  @Test
  void inMemoryTheWorkflowIsGoneAfterACrash() throws Exception {
    afterACrashWithAPendingActivity(false, "lost", (m, stubs, client, run, greeter) ->
        assertThat(describeOnceReachable(m, stubs, run)).isEqualTo(Status.Code.NOT_FOUND));
  }

  /** What a test checks once the server restarted under a workflow whose activity is pending. */
  @FunctionalInterface
  interface AfterCrash {
    void check(TemporalManager m, WorkflowServiceStubs stubs, WorkflowClient client,
        WorkflowExecution run, BlockingGreeter greeter) throws Exception;
  }

  /**
   * Starts a supervised CLI server (with or without a db file), a worker and a workflow whose
   * activity stays pending, SIGKILLs the server, waits for the restart, then runs the check.
   */
  private static void afterACrashWithAPendingActivity(boolean persistent, String name,
      AfterCrash check) throws Exception {
    try (TemporalManager m = Backends.builder(BackendKind.CLI).persistent(persistent).build()) {
      m.start();
      m.startSupervisor(Backends.quick());
      BlockingGreeter greeter = new BlockingGreeter();
      WorkflowServiceStubs stubs = stubs(m);
      WorkerFactory factory = worker(m, stubs, greeter);
      try {
        WorkflowClient client = client(m, stubs);
        GreetingWorkflow wf = client.newWorkflowStub(GreetingWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE)
                .setWorkflowId(name + "-" + UUID.randomUUID()).build());
        WorkflowExecution run = WorkflowClient.start(wf::greet, name);
        assertThat(greeter.started.await(60, TimeUnit.SECONDS)).isTrue();

        crashAndAwaitRestart(m);
        check.check(m, stubs, client, run, greeter);
      } finally {
        greeter.release.countDown();
        close(factory, stubs);
      }
    }
  }

  /** Describes the run once the client's channel reconnects; returns the status code. */
  private static Status.Code describeOnceReachable(TemporalManager m, WorkflowServiceStubs stubs,
      WorkflowExecution run) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        stubs.blockingStub().withDeadlineAfter(10, TimeUnit.SECONDS)
            .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(m.namespace()).setExecution(run).build());
        return Status.Code.OK;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || System.nanoTime() > deadline) {
          return e.getStatus().getCode();
        }
        Thread.sleep(100);
      }
    }
  }

  private static void crashAndAwaitRestart(TemporalManager m) throws Exception {
    int from = m.events().size();
    long before = m.pid();
    ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
    SupervisorEvent restarted = m.events().await("RESTARTED after SIGKILL", from,
        e -> e.type() == SupervisorEventType.RESTARTED, Duration.ofSeconds(60));
    assertThat(restarted.pid()).isNotEqualTo(before);
  }

  private static WorkflowServiceStubs stubs(TemporalManager m) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(m.target()).build());
  }

  private static WorkflowClient client(TemporalManager m, WorkflowServiceStubs stubs) {
    return WorkflowClient.newInstance(stubs,
        WorkflowClientOptions.newBuilder().setNamespace(m.namespace()).build());
  }

  private static WorkerFactory worker(TemporalManager m, WorkflowServiceStubs stubs,
      Greeter greeter) {
    WorkerFactory factory = WorkerFactory.newInstance(client(m, stubs));
    Worker worker = factory.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(GreetingWorkflowImpl.class);
    worker.registerActivitiesImplementations(greeter);
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
