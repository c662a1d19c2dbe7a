package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.EventLog;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.SupervisorEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private final SupervisorEvents supervisor = new SupervisorEvents();
  private final ChaosEvents chaos = new ChaosEvents();
  private final Timeline timeline = Timeline.of(supervisor, chaos);

  @Test
  void mergesBothLogsByMonotonicTimeSupervisorFirstOnTies() {
    ChaosEvent injected = chaosEvent(ChaosEventType.FAULT_INJECTED, 100);
    SupervisorEvent unhealthy = supervisorEvent(SupervisorEventType.UNHEALTHY, 150);
    ChaosEvent recovered = chaosEvent(ChaosEventType.RPC_RECOVERED, 300);
    SupervisorEvent restarted = supervisorEvent(SupervisorEventType.RESTARTED, 300);
    chaos.publish(injected);
    chaos.publish(recovered);
    supervisor.publish(unhealthy);
    supervisor.publish(restarted);

    assertThat(timeline.entries()).containsExactly(new Timeline.ChaosEntry(injected),
        new Timeline.SupervisorEntry(unhealthy), new Timeline.SupervisorEntry(restarted),
        new Timeline.ChaosEntry(recovered));
    assertThat(timeline.toString()).isEqualTo(String.join("\n", injected.toString(),
        unhealthy.toString(), restarted.toString(), recovered.toString()));
  }

  @Test
  void sinceAMarkHoldsOnlyLaterEventsOfBothKinds() {
    supervisor.publish(supervisorEvent(SupervisorEventType.HEALTHY, 10));
    chaos.publish(chaosEvent(ChaosEventType.FAULT_INJECTED, 20));
    Timeline.Mark mark = timeline.mark();
    assertThat(mark).isEqualTo(new Timeline.Mark(1, 1));
    SupervisorEvent restarted = supervisorEvent(SupervisorEventType.RESTARTED, 40);
    ChaosEvent healed = chaosEvent(ChaosEventType.FAULT_HEALED, 30);
    supervisor.publish(restarted);
    chaos.publish(healed);
    assertThat(timeline.since(mark)).containsExactly(new Timeline.ChaosEntry(healed),
        new Timeline.SupervisorEntry(restarted));
    assertThat(timeline.since(timeline.mark())).isEmpty();
  }

  @Test
  void aSubscriptionSeesBothKindsUntilClosed() {
    List<Timeline.Entry> seen = new ArrayList<>();
    EventLog.Registration registration = timeline.subscribe(seen::add);
    SupervisorEvent tick = supervisorEvent(SupervisorEventType.TICK, 5);
    ChaosEvent injected = chaosEvent(ChaosEventType.FAULT_INJECTED, 6);
    supervisor.publish(tick);
    chaos.publish(injected);
    registration.close();
    supervisor.publish(supervisorEvent(SupervisorEventType.TICK, 7));
    chaos.publish(chaosEvent(ChaosEventType.FAULT_HEALED, 8));
    assertThat(seen).containsExactly(new Timeline.SupervisorEntry(tick),
        new Timeline.ChaosEntry(injected));
    assertThat(seen.get(0).nanoTime()).isEqualTo(5);
  }

  private static ChaosEvent chaosEvent(ChaosEventType type, long nanoTime) {
    return new ChaosEvent(type, nanoTime, Instant.EPOCH.plusNanos(nanoTime), "kill-1",
        FaultKind.KILL, 42, -1, type.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static SupervisorEvent supervisorEvent(SupervisorEventType type, long nanoTime) {
    return new SupervisorEvent(type, nanoTime, Instant.EPOCH.plusNanos(nanoTime), 42,
        type != SupervisorEventType.UNHEALTHY, 0, Duration.ZERO, "");
  }
}
