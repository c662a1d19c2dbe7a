package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import dev.supervisedtemporal.lifecycle.SupervisorEvents;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real worker, started before the kill on a long-lived client, and {@link Chaos#watchWorker}:
 * {@link Chaos#awaitRecovery} returns the worker's time and records
 * {@link ChaosEventType#WORKER_RECOVERED} after the probe's {@link ChaosEventType#RPC_RECOVERED};
 * a check that never succeeds fails the wait naming the worker.
 */
class WorkerRecoveryIT extends SupervisedServerTest {

  private static final String QUEUE = "worker-recovery";

  private static WorkflowServiceStubs stubs;
  private static SupervisorEvents.Registration reconnect;
  private static WorkflowClient client;
  private static WorkerFactory factory;

  /** The workflow the worker completes: one workflow task, no activity. */
  @WorkflowInterface
  public interface Echo {
    /** Returns its argument. */
    @WorkflowMethod
    String echo(String text);
  }

  /** Returns the text it is given. */
  public static class EchoImpl implements Echo {
    @Override
    public String echo(String text) {
      return text;
    }
  }

  @BeforeAll
  static void startWorker() {
    stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget(manager.target()).build());
    reconnect = manager.reconnectOnRestart(stubs.getRawChannel());
    client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
        .setNamespace(manager.namespace()).build());
    factory = WorkerFactory.newInstance(client);
    factory.newWorker(QUEUE).registerWorkflowImplementationTypes(EchoImpl.class);
    factory.start();
  }

  @AfterAll
  static void stopWorker() throws InterruptedException {
    if (factory != null) {
      factory.shutdownNow();
      factory.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (reconnect != null) {
      reconnect.close();
    }
    if (stubs != null) {
      stubs.shutdownNow();
      stubs.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** Starts an echo workflow on the queue and waits for its result within the timeout. */
  private static void echoOn(String queue, Duration timeout) throws Exception {
    Echo echo = client.newWorkflowStub(Echo.class, WorkflowOptions.newBuilder()
        .setTaskQueue(queue).setWorkflowId("echo-" + UUID.randomUUID())
        .setWorkflowExecutionTimeout(timeout.plusSeconds(1)).build());
    WorkflowClient.start(echo::echo, "back");
    String result = WorkflowStub.fromTyped(echo).getResult(timeout.toMillis(),
        TimeUnit.MILLISECONDS, String.class);
    if (!"back".equals(result)) {
      throw new IllegalStateException("the echo workflow returned " + result);
    }
  }

  @Test
  void afterAKillTheWorkerRecoversAfterTheProbeAndAwaitRecoveryReturnsItsTime() throws Exception {
    echoOn(QUEUE, Servers.GENEROUS); // the worker polls before the fault
    chaos.watchWorker(timeout -> echoOn(QUEUE, timeout));
    long pid = manager.pid();
    Fault kill = chaos.kill();
    Recovery recovery = chaos.awaitRecovery(kill, Servers.GENEROUS);

    assertThat(manager.pid()).isNotEqualTo(pid);
    List<ChaosEvent> events = chaos.events().ofFault(kill.id());
    assertThat(events).extracting(ChaosEvent::type).containsSubsequence(
        ChaosEventType.FAULT_INJECTED, ChaosEventType.RPC_RECOVERED,
        ChaosEventType.WORKER_RECOVERED);
    ChaosEvent worker = events.stream()
        .filter(e -> e.type() == ChaosEventType.WORKER_RECOVERED).findFirst().orElseThrow();
    ChaosEvent rpc = events.stream()
        .filter(e -> e.type() == ChaosEventType.RPC_RECOVERED).findFirst().orElseThrow();
    assertThat(worker.nanoTime()).isGreaterThan(rpc.nanoTime());
    assertThat(worker.pid()).isEqualTo(manager.pid());
    assertThat(recovery.workerRecovered()).as("the worker's time")
        .hasValue(Duration.ofNanos(worker.nanoTime() - kill.injectedNanos()));
    assertThat(recovery.workerRecovered().orElseThrow()).isGreaterThan(recovery.rpcRecovered());
    assertThat(recovery.clientRecovered()).isEmpty();
    assertThat(chaos.events().ofType(ChaosEventType.WORKER_RECOVERED)).hasSize(1);
  }

  @Test
  void aWorkerCheckThatNeverSucceedsFailsTheWaitNamingTheWorker() throws Exception {
    String unpolled = "no-worker-" + UUID.randomUUID();
    chaos.watchWorker(timeout -> echoOn(unpolled, Duration.ofMillis(
        Math.min(timeout.toMillis(), 1500))));
    Fault kill = chaos.kill();
    Duration timeout = Duration.ofSeconds(8);
    assertThatThrownBy(() -> chaos.awaitRecovery(kill, timeout))
        .isInstanceOf(AwaitTimeoutException.class)
        .hasMessageStartingWith("awaited recovery from " + kill.id() + " for 8000 ms; "
            + "last observed: probe answered; the user's worker has not completed work (")
        .hasMessageContaining("last failure: ");
    assertThat(chaos.events().ofFault(kill.id())).extracting(ChaosEvent::type)
        .contains(ChaosEventType.RPC_RECOVERED)
        .doesNotContain(ChaosEventType.WORKER_RECOVERED);
    chaos.watchWorker(null);
  }
}
