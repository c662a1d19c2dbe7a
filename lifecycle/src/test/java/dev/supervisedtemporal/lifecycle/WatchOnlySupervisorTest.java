package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A server the supervisor only watches (external): reported, never restarted, in virtual time. */
class WatchOnlySupervisorTest {

  private final ManualScheduler scheduler = new ManualScheduler();
  private final ScriptedServer server = new ScriptedServer(scheduler);
  private final SupervisorEvents events = new SupervisorEvents();

  @Test
  void aDeadWatchedServerIsReportedOnceAndNeverRestarted() {
    server.restartable = false;
    Supervisor supervisor = new Supervisor(server, SupervisorPolicy.builder()
        .checkInterval(Duration.ofSeconds(1)).failureThreshold(2)
        .backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 2.0, 0.0).build(),
        scheduler, events, new SplittableRandom(7));
    supervisor.start();
    scheduler.advance(Duration.ofMillis(1500));

    server.condition = ScriptedServer.Condition.DEAD;
    scheduler.advance(Duration.ofSeconds(10));

    assertThat(events.count(SupervisorEventType.UNHEALTHY)).isEqualTo(1);
    assertThat(events.ofType(SupervisorEventType.UNHEALTHY).get(0).detail())
        .contains("watched only: not restarted");
    assertThat(events.count(SupervisorEventType.RESTART_ATTEMPT)).isZero();
    assertThat(events.count(SupervisorEventType.BACKOFF)).isZero();
    assertThat(server.restartTimes).isEmpty();
    assertThat(server.spawned).isZero();

    server.condition = ScriptedServer.Condition.HEALTHY;
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(events.count(SupervisorEventType.HEALTHY)).isEqualTo(1);
    assertThat(supervisor.state()).isEqualTo(SupervisorState.RUNNING);
    supervisor.stop();
  }
}
