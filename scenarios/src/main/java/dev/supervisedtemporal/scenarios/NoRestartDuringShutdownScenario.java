package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.chaos.Chaos;
import dev.supervisedtemporal.chaos.StopRace;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seed case 5: the server killed while stop() runs, many times; no server appears after. */
@ExtendWith(SuiteParametersResolver.class)
@Tag(ScenarioTags.SEED_CASE)
@DisplayName("5 no restart during shutdown")
public class NoRestartDuringShutdownScenario {

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
        StopRace race = chaos.killDuringStop();
        assertThat(race.newServerAppeared()).as("round %d: %s", i + 1, race).isFalse();
        assertThat(race.eventsAfterStopBegan()).as("round %d", i + 1)
            .noneMatch(e -> e.type() == SupervisorEventType.RESTART_ATTEMPT
                || e.type() == SupervisorEventType.RESTARTED);
        assertThat(manager.pid()).as("the manager's server after the race")
            .isIn(-1L, race.killedPid());
        assertThat(ProcessHandle.of(race.killedPid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive))
            .as("child processes after round %d", i + 1).isEmpty();
        raced += race.killedWhileStopping() ? 1 : 0;
      }
    }
    KeyTiming.publish(reporter, ROUNDS + " rounds, " + raced
        + " killed while stop() ran, 0 servers after stop began");
  }
}
