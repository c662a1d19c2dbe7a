package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.extension.TestWorkflows.GreetingImpl;
import dev.supervisedtemporal.extension.TestWorkflows.PrefixGreeter;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * Workers end with their class on every path: a factory a test forgot is reported and shut
 * down, a setup that fails after the workers started leaves no poller, and the builder's workers
 * and client options reach the injected clients.
 */
class WorkerLifecycleIT {

  static final String FORGOTTEN = "worker-lifecycle-forgotten";
  static final String HALF_WAY = "worker-lifecycle-half-way";
  static final String BUILT = "worker-lifecycle-built";
  static final AtomicReference<WorkerFactory> FACTORY = new AtomicReference<>();
  static final AtomicInteger STARTS_SEEN = new AtomicInteger();
  static final AtomicReference<String> RESULT = new AtomicReference<>();

  @Test
  void aFactoryATestLeftRunningFailsTheClassNamingItsPollersAndIsShutDown() {
    EngineExecutionResults results = FixtureRunner.run(Map.of(), ForgetsItsFactory.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    Throwable failure = onlyClassFailure(results);
    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("the supervised Temporal server of "
            + ForgetsItsFactory.class.getName() + " left behind:\n  - a WorkerFactory created "
            + "on the injected WorkflowClient was started and not shut down; its pollers: ")
        .hasMessageContaining("'Workflow Poller taskQueue=\"" + FORGOTTEN
            + "\", namespace=\"default\": 1'");
    assertThat(FACTORY.get().isTerminated()).as("the forgotten factory is terminated").isTrue();
    assertThat(pollerThreads(FORGOTTEN)).isEmpty();
  }

  @Test
  void aSetupThatFailsAfterTheWorkersStartedLeavesNoPoller() {
    EngineExecutionResults results = FixtureRunner.run(Map.of(), FailsAfterWorkers.class);

    results.testEvents().assertStatistics(stats -> stats.started(0));
    assertThat(onlyClassFailure(results)).isInstanceOf(IllegalStateException.class)
        .hasMessage("setup fails here on purpose").hasNoSuppressedExceptions();
    assertThat(pollerThreads(HALF_WAY)).isEmpty();
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void theBuildersWorkerAndClientOptionsReachTheInjectedClients() {
    EngineExecutionResults results = FixtureRunner.run(Map.of(), BuiltWithWorker.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    assertThat(RESULT.get()).isEqualTo("howdy carl");
    assertThat(STARTS_SEEN.get()).as("workflow starts seen by the client interceptor").isOne();
    assertThat(pollerThreads(BUILT)).isEmpty();
  }

  private static List<String> pollerThreads(String taskQueue) {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .map(Thread::getName).filter(n -> n.contains("taskQueue=\"" + taskQueue + "\"")).toList();
  }

  private static Throwable onlyClassFailure(EngineExecutionResults results) {
    results.containerEvents().assertStatistics(stats -> stats.failed(1));
    return results.containerEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .findFirst().orElseThrow();
  }

  // ------------------------------------------------------------ fixtures: run only via the kit

  @WithSupervisedTemporal(backend = WithSupervisedTemporal.Backend.EMBEDDED)
  static class ForgetsItsFactory {
    @Test
    void startsAFactoryAndForgetsIt(WorkflowClient client) {
      WorkerFactory factory = WorkerFactory.newInstance(client);
      factory.newWorker(FORGOTTEN).registerWorkflowImplementationTypes(GreetingImpl.class);
      factory.start();
      FACTORY.set(factory);
    }
  }

  static class FailsAfterWorkers {
    @RegisterExtension
    static SupervisedTemporalExtension temporal = SupervisedTemporalExtension.builder()
        .backend(BackendKind.EMBEDDED)
        .worker(HALF_WAY, w -> w.workflows(GreetingImpl.class))
        .onSetupStep((step, t) -> {
          if (step == SetupStep.WORKERS_STARTED) {
            assertThat(pollerThreads(HALF_WAY)).as("pollers at WORKERS_STARTED").isNotEmpty();
            throw new IllegalStateException("setup fails here on purpose");
          }
        })
        .build();

    @Test
    void neverRuns() {}
  }

  static class BuiltWithWorker {
    @RegisterExtension
    static SupervisedTemporalExtension temporal = SupervisedTemporalExtension.builder()
        .backend(BackendKind.EMBEDDED)
        .worker(BUILT, w -> w.workflows(GreetingImpl.class)
            .activities(new PrefixGreeter("howdy"))
            .options(o -> o.setMaxConcurrentActivityExecutionSize(2)))
        .serviceStubsOptions(b -> b.setRpcRetryOptions(RpcRetryOptions.newBuilder()
            .setExpiration(Duration.ofSeconds(30)).build()))
        .workflowClientOptions(b -> b.setInterceptors(new WorkflowClientInterceptorBase() {
          @Override
          public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(
              WorkflowClientCallsInterceptor next) {
            return new io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase(next) {
              @Override
              public WorkflowStartOutput start(WorkflowStartInput input) {
                STARTS_SEEN.incrementAndGet();
                return super.start(input);
              }
            };
          }
        }))
        .build();

    @Test
    void runsAWorkflowThroughTheBuiltWorker(SupervisedTemporal t, WorkflowClient client) {
      assertThat(t.serviceStubs().getOptions().getRpcRetryOptions().getExpiration())
          .isEqualTo(Duration.ofSeconds(30));
      RESULT.set(WorkersIT.greet(client, BUILT, "carl"));
    }
  }
}
