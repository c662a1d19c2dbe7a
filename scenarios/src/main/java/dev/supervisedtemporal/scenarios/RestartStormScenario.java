package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.chaos.Chaos;
import dev.supervisedtemporal.lifecycle.Supervisor;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.SupervisorState;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server that keeps dying. After the restart-intensity limit the supervisor
 * gives up (GAVE_UP) with the reason and the server's last log lines, and tries no more.
 */
@ExtendWith(SuiteParametersResolver.class)
@Tag(ScenarioTags.CHAOS)
@DisplayName("restart storm")
class RestartStormScenario {

  static final int LIMIT = 3;

  @Test
  void tooManyRestartsEndInGaveUpWithDiagnostics(SuiteParameters run, TestReporter reporter)
      throws Exception {
    try (TemporalManager manager = run.manager().build(); Chaos chaos = Chaos.on(manager)) {
      manager.start();
      Supervisor supervisor = manager.startSupervisor(run.quickPolicy().toBuilder()
          .restartIntensity(LIMIT, Duration.ofMinutes(1)).build());
      for (int i = 0; i < LIMIT; i++) {
        int from = manager.events().size();
        chaos.kill();
        manager.events().await("RESTARTED after kill " + (i + 1), from,
            e -> e.type() == SupervisorEventType.RESTARTED, Duration.ofSeconds(60));
      }
      int from = manager.events().size();
      chaos.kill();
      SupervisorEvent gaveUp = manager.events().await("GAVE_UP", from,
          e -> e.type() == SupervisorEventType.GAVE_UP, Duration.ofSeconds(60));
      assertThat(gaveUp.detail()).contains(LIMIT + " restart attempts within PT1M")
          .contains("log lines");
      assertThat(supervisor.state()).isEqualTo(SupervisorState.GAVE_UP);
      assertThat(supervisor.restartCount()).isEqualTo(LIMIT);
      Thread.sleep(supervisor.policy().checkInterval().multipliedBy(3).toMillis());
      assertThat(manager.events().since(from))
          .noneMatch(e -> e.type() == SupervisorEventType.RESTART_ATTEMPT);
      assertThat(manager.isRunning()).isFalse();
      KeyTiming.publish(reporter, "gave up after " + LIMIT + " restarts in the window, with "
          + gaveUp.detail().lines().count() + " lines of diagnostics");
    }
  }
}
