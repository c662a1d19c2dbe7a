package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.supervisedtemporal.extension.TestWorkflows.GreetingImpl;
import dev.supervisedtemporal.extension.TestWorkflows.NotAWorkflow;
import dev.supervisedtemporal.extension.TestWorkflows.PrefixGreeter;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A bad worker declaration or client customizer fails its class before anything starts, naming
 * the declaration and what is accepted. No server is started here.
 */
class WorkerMisconfigurationTest {

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(ActivityWithoutNoArgConstructor.class, "@WithWorker(taskQueue = \"q\") "
            + "activities: " + PrefixGreeter.class.getName() + " has no no-arg constructor; "
            + "accepted: a class with a no-arg constructor"),
        Arguments.of(NotAWorkflowType.class, "@WithWorker(taskQueue = \"q\"): "
            + NotAWorkflow.class.getName() + " is not a workflow implementation type"),
        Arguments.of(BlankQueue.class, "@WithWorker(taskQueue = \" \") has a blank task queue; "
            + "accepted: a non-blank task queue name"),
        Arguments.of(SameQueueTwice.class, "@WithWorker(taskQueue = \"q\") declares task queue "
            + "\"q\" again (also @WithWorker(taskQueue = \"q\")); accepted: one worker per task "
            + "queue"),
        Arguments.of(EmptyWorker.class, "@WithWorker(taskQueue = \"q\") registers no workflow "
            + "type and no activity"),
        Arguments.of(RetargetingCustomizer.class, "@WithSupervisedTemporal(clientCustomizer = "
            + "Retarget.class) set the stubs' target to 127.0.0.1:7233; accepted: leave the "
            + "target at"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void failsTheClassBeforeAnythingStarts(Class<?> fixture, String message) {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(fixture)).execute();

    results.testEvents().assertStatistics(stats -> stats.started(0));
    results.containerEvents().assertStatistics(stats -> stats.failed(1));
    Throwable failure = results.containerEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .findFirst().orElseThrow();
    assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(message);
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void aBuilderWorkerWithoutRegistrationsIsRefused() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(BuilderEmptyWorker.class)).execute();
    results.containerEvents().assertStatistics(stats -> stats.failed(1));
    assertThat(results.containerEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .findFirst().orElseThrow())
        .hasMessageStartingWith("SupervisedTemporalExtension.builder().worker(\"b\", ...) "
            + "registers no workflow type and no activity");
  }

  // ------------------------------------------------------------ fixtures: run only via the kit

  @WithSupervisedTemporal(backend = Backend.EMBEDDED)
  @WithWorker(taskQueue = "q", workflows = GreetingImpl.class, activities = PrefixGreeter.class)
  static class ActivityWithoutNoArgConstructor {
    @Test
    void neverRuns() {}
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED)
  @WithWorker(taskQueue = "q", workflows = NotAWorkflow.class)
  static class NotAWorkflowType {
    @Test
    void neverRuns() {}
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED)
  @WithWorker(taskQueue = " ", workflows = GreetingImpl.class)
  static class BlankQueue {
    @Test
    void neverRuns() {}
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED)
  @WithWorker(taskQueue = "q", workflows = GreetingImpl.class)
  @WithWorker(taskQueue = "q", activities = TestWorkflows.HelloGreeter.class)
  static class SameQueueTwice {
    @Test
    void neverRuns() {}
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED)
  @WithWorker(taskQueue = "q")
  static class EmptyWorker {
    @Test
    void neverRuns() {}
  }

  /** Points the stubs elsewhere: refused. */
  static class Retarget implements ClientCustomizer {
    @Override
    public void serviceStubs(WorkflowServiceStubsOptions.Builder options) {
      options.setTarget("127.0.0.1:7233");
    }
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED, clientCustomizer = Retarget.class)
  static class RetargetingCustomizer {
    @Test
    void neverRuns() {}
  }

  static class BuilderEmptyWorker {
    @org.junit.jupiter.api.extension.RegisterExtension
    static SupervisedTemporalExtension temporal = SupervisedTemporalExtension.builder()
        .backend(dev.supervisedtemporal.lifecycle.backend.BackendKind.EMBEDDED)
        .worker("b", w -> { })
        .build();

    @Test
    void neverRuns() {}
  }
}
