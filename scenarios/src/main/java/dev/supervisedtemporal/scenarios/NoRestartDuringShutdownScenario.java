package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.chaos.Chaos;
import dev.supervisedtemporal.chaos.StopRace;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Core case 5: the server dies while shutdown is under way, many times; no server appears after
 * the shutdown began. Odd rounds kill the server while the supervisor is being stopped (the
 * chaos fault); even rounds kill it first and stop the manager while the restart is pending or
 * under way, at a different delay each round.
 */
@ExtendWith(SuiteParametersResolver.class)
@Tag(ScenarioTags.CORE_CASE)
@DisplayName("5 no restart during shutdown")
class NoRestartDuringShutdownScenario {

  static final int ROUNDS = 8;

  @Test
  void noServerAppearsOnceStopBegan(SuiteParameters run, TestReporter reporter)
      throws Exception {
    int raced = 0;
    for (int i = 0; i < ROUNDS; i++) {
      try (TemporalManager manager = run.manager().build();
          Chaos chaos = Chaos.on(manager)) {
        manager.start();
        manager.startSupervisor(run.quickPolicy());
        if (i % 2 == 0) {
          StopRace race = chaos.killDuringStop();
          assertThat(race.newServerAppeared()).as("round %d: %s", i + 1, race).isFalse();
          assertThat(race.eventsAfterStopBegan()).as("round %d", i + 1)
              .noneMatch(e -> e.type() == SupervisorEventType.RESTARTED);
          raced += race.killedWhileStopping() ? 1 : 0;
        } else {
          chaos.kill();
          Thread.sleep(60L * (i / 2)); // before, during and after the backoff
          boolean restarting = manager.events().count(SupervisorEventType.RESTART_ATTEMPT) > 0;
          manager.stop();
          raced += restarting ? 1 : 0;
        }
        assertThat(liveChildren()).as("server processes right after round %d", i + 1).isEmpty();
        Thread.sleep(300);
        assertThat(liveChildren()).as("server processes 300 ms after round %d", i + 1)
            .isEmpty();
      }
    }
    KeyTiming.publish(reporter, ROUNDS + " rounds, " + raced
        + " with a kill or restart under way at shutdown, 0 servers after stop began");
  }

  private static List<ProcessHandle> liveChildren() {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
  }
}
