package dev.supervisedtemporal.lifecycle;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A user's real Temporal SDK stubs, client and worker, created once before the faults and kept:
 * what the measure command's client, worker and in-flight figures are taken with. Loaded by
 * {@link UserClients#open} when the SDK is on the class path (the watch profile's test scope).
 */
public final class SdkUserClients implements UserClients {

  private static final String QUEUE = "supervised-temporal-measure";
  private static final String TYPE = "MeasuredWorkflow";

  /** A workflow that optionally waits on a durable timer, then runs one activity. */
  @WorkflowInterface
  public interface MeasuredWorkflow {
    /** Waits {@code timerMs} (0: not at all), then runs the activity. */
    @WorkflowMethod
    String run(long timerMs);
  }

  /** The activity, so that both the workflow and the activity pollers take part. */
  @ActivityInterface
  public interface MeasuredActivity {
    /** Returns its input. */
    @ActivityMethod
    String echo(String in);
  }

  /** The workflow's implementation. */
  public static final class MeasuredWorkflowImpl implements MeasuredWorkflow {
    private final MeasuredActivity activity = Workflow.newActivityStub(MeasuredActivity.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public String run(long timerMs) {
      if (timerMs > 0) {
        Workflow.sleep(Duration.ofMillis(timerMs));
      }
      return activity.echo("done");
    }
  }

  /** The activity's implementation. */
  public static final class MeasuredActivityImpl implements MeasuredActivity {
    @Override
    public String echo(String in) {
      return in;
    }
  }

  private final WorkflowServiceStubs stubs;
  private final SupervisorEvents.Registration enrolled;
  private final WorkflowClient client;
  private final WorkerFactory factory;

  /** Creates the stubs, client and worker and starts polling. */
  public SdkUserClients(TemporalManager manager, boolean reconnect) {
    stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget(manager.target()).build());
    enrolled = reconnect ? manager.reconnectOnRestart(stubs.getRawChannel()) : () -> {};
    client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
        .setNamespace(manager.namespace()).build());
    factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(MeasuredWorkflowImpl.class);
    worker.registerActivitiesImplementations(new MeasuredActivityImpl());
    factory.start();
  }

  @Override
  public boolean stubsAnswer(Duration timeout) {
    try {
      stubs.blockingStub().withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean hasWorker() {
    return true;
  }

  @Override
  public long runWorkflow(Duration timeout) throws Exception {
    return start(0, timeout).await(timeout);
  }

  @Override
  public InFlight startInFlight(Duration timer) throws Exception {
    return start(timer.toMillis(), Duration.ofSeconds(60));
  }

  /** Starts a workflow as a user would: the SDK retries the call, the user retries the SDK. */
  private InFlight start(long timerMs, Duration timeout) throws Exception {
    String id = "measure-" + UUID.randomUUID();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        client.newUntypedWorkflowStub(TYPE, WorkflowOptions.newBuilder().setTaskQueue(QUEUE)
            .setWorkflowId(id).build()).start(timerMs);
        break;
      } catch (WorkflowExecutionAlreadyStarted e) {
        break; // an earlier attempt got through
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("workflow " + id + " not started within " + timeout + ": "
              + e);
        }
        Thread.sleep(10);
      }
    }
    return waitFor -> awaitResult(id, waitFor);
  }

  private long awaitResult(String id, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException("workflow " + id + " not completed within " + timeout);
      }
      try {
        WorkflowStub stub = client.newUntypedWorkflowStub(id, Optional.empty(),
            Optional.of(TYPE));
        stub.getResult(left, TimeUnit.NANOSECONDS, String.class);
        return System.nanoTime();
      } catch (TimeoutException e) {
        throw e;
      } catch (RuntimeException e) {
        Thread.sleep(10); // the server went away under the long poll: ask again
      }
    }
  }

  @Override
  public void close() {
    try {
      factory.shutdownNow();
      factory.awaitTermination(5, TimeUnit.SECONDS);
    } finally {
      enrolled.close();
      stubs.shutdownNow();
      stubs.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
