package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.TemporalStartException;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.state.StateDirLock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A setup that fails half way leaves no process, thread or lock behind. */
class SetupFailureIT {

  static final AtomicReference<TemporalManager> MANAGER = new AtomicReference<>();
  static final AtomicLong PID = new AtomicLong();

  @Test
  void failureAfterTheSupervisorStartedLeavesNothingBehind() throws Exception {
    EngineExecutionResults results = FixtureRunner.run(Map.of(), FailsAfterSupervisor.class);

    results.testEvents().assertStatistics(stats -> stats.started(0));
    assertThat(onlyFailure(results)).isInstanceOf(IllegalStateException.class)
        .hasMessage("setup fails here on purpose").hasNoSuppressedExceptions();
    TemporalManager manager = MANAGER.get();
    assertThat(PID.get()).isPositive();
    assertThat(ProcessHandle.of(PID.get()).filter(ProcessHandle::isAlive)).isEmpty();
    assertNoSupervisorThreadAndNoChild();
    assertThat(manager.holdsLock()).isFalse();
    assertThat(StateDirLock.isLockedByAnyone(manager.stateDir())).isFalse();
    assertThat(LeakCheck.portIsFree(manager.port())).as("port %s is free", manager.port()).isTrue();
  }

  @Test
  void serverThatIsNotReadyInTimeLeavesNothingBehind() {
    EngineExecutionResults results = FixtureRunner.run(Map.of(), NeverReady.class);

    results.testEvents().assertStatistics(stats -> stats.started(0));
    assertThat(onlyFailure(results)).isInstanceOf(TemporalStartException.class)
        .hasMessageContaining("startupTimeout").hasNoSuppressedExceptions();
    assertNoSupervisorThreadAndNoChild();
  }

  private static Throwable onlyFailure(EngineExecutionResults results) {
    results.containerEvents().assertStatistics(stats -> stats.failed(1));
    return results.containerEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .findFirst().orElseThrow();
  }

  private static void assertNoSupervisorThreadAndNoChild() {
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .noneMatch(name -> name.startsWith("supervised-temporal-supervisor"));
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
  }

  // ------------------------------------------------------------ fixtures: run only via the kit

  static class FailsAfterSupervisor {
    @RegisterExtension
    static SupervisedTemporalExtension temporal = SupervisedTemporalExtension.builder()
        .backend(BackendKind.EMBEDDED)
        .onSetupStep((step, handle) -> {
          if (step == SetupStep.SUPERVISOR_STARTED) {
            handle.workflowClient(); // stubs exist too, so they must be shut down
            MANAGER.set(handle.manager());
            PID.set(handle.pid());
            throw new IllegalStateException("setup fails here on purpose");
          }
        })
        .build();

    @Test
    void never() {}
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED, startupTimeout = "1ms")
  static class NeverReady {
    @Test
    void never() {}
  }
}
