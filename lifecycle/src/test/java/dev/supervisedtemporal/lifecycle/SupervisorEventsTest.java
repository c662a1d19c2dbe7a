package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The event log's memory stays bounded however long a supervisor ticks; counts stay exact. */
class SupervisorEventsTest {

  @Test
  void manyTicksKeepABoundedWindowWithExactCountsAndPositions() throws Exception {
    ManualScheduler scheduler = new ManualScheduler();
    ScriptedServer server = new ScriptedServer(scheduler);
    SupervisorEvents events = new SupervisorEvents();
    AtomicLong heard = new AtomicLong();
    events.subscribe(e -> {
      if (e.type() == SupervisorEventType.TICK) {
        heard.incrementAndGet();
      }
    });
    Supervisor s = new Supervisor(server, SupervisorPolicy.builder()
        .checkInterval(Duration.ofMillis(100)).build(), scheduler, events,
        new SplittableRandom(1));
    s.start();
    scheduler.advance(Duration.ofMinutes(30)); // 18,000 ticks
    server.crash();
    scheduler.advance(Duration.ofMinutes(30));

    long ticks = 36_000;
    assertThat(events.count(SupervisorEventType.TICK)).isBetween(ticks - 20, ticks);
    assertThat(heard.get()).as("listeners see every tick")
        .isEqualTo(events.count(SupervisorEventType.TICK));
    assertThat(events.ofType(SupervisorEventType.TICK)).hasSize(SupervisorEvents.TICK_WINDOW);
    assertThat(events.snapshot()).hasSizeLessThan(SupervisorEvents.TICK_WINDOW + 10);
    assertThat(events.dropped()).isEqualTo(events.count(SupervisorEventType.TICK)
        - SupervisorEvents.TICK_WINDOW);
    assertThat(events.size()).isGreaterThan((int) ticks - 20);
    // the rare events survive, and positions still slice the log
    assertThat(events.ofType(SupervisorEventType.STARTED)).hasSize(1);
    assertThat(events.ofType(SupervisorEventType.RESTARTED)).hasSize(1);
    int from = events.size();
    scheduler.advance(Duration.ofMillis(350));
    assertThat(events.since(from)).hasSize(events.size() - from)
        .allMatch(e -> e.type() == SupervisorEventType.TICK);
    SupervisorEvent next = events.await("a tick", from,
        e -> e.type() == SupervisorEventType.TICK, Duration.ofSeconds(1));
    assertThat(next).isEqualTo(events.since(from).get(0));
    s.stop();
  }

  @Test
  void awaitTimesOutUncheckedNamingWhatAndTheLastEvents() {
    SupervisorEvents events = new SupervisorEvents();
    events.publish(new SupervisorEvent(SupervisorEventType.STARTED, System.nanoTime(),
        Instant.now(), 42, true, 0, Duration.ZERO, "first"));
    assertThatThrownBy(() -> events.await("a restart", 0,
        e -> e.type() == SupervisorEventType.RESTARTED, Duration.ofMillis(50)))
        .isInstanceOf(AwaitTimeoutException.class)
        .hasMessageContaining("awaited a restart for 50 ms")
        .hasMessageContaining("first")
        .satisfies(t -> assertThat(((AwaitTimeoutException) t).awaited()).isEqualTo("a restart"));
  }
}
