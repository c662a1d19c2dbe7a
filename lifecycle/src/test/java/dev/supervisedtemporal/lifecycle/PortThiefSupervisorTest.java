package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * In virtual time: attempts refused because a foreign process holds the port are waiting, not
 * restarts; restart attempts are numbered; failure reasons stay short.
 */
class PortThiefSupervisorTest {

  private final ManualScheduler scheduler = new ManualScheduler();
  private final ScriptedServer server = new ScriptedServer(scheduler);
  private final SupervisorEvents events = new SupervisorEvents();

  private Supervisor supervisor(SupervisorPolicy policy) {
    Supervisor s = new Supervisor(server, policy, scheduler, events, new SplittableRandom(7));
    s.start();
    scheduler.advance(Duration.ZERO);
    return s;
  }

  /** Intensity 3 per 2 s, backoff 100 ms doubling up to 800 ms. */
  private static SupervisorPolicy scaledDown() {
    return SupervisorPolicy.builder()
        .checkInterval(Duration.ofMillis(200))
        .failureThreshold(2)
        .backoff(Duration.ofMillis(100), Duration.ofMillis(800), 2.0, 0.0)
        .stableUptime(Duration.ofHours(1))
        .restartIntensity(3, Duration.ofSeconds(2))
        .build();
  }

  private static PortInUseException thief() {
    return new PortInUseException(7233, 4242, "pid 4242 (nc -l 127.0.0.1 7233)",
        List.of("java", "-cp", "x.jar", "Main"), List.of());
  }

  @Test
  void aThiefHoldingThePortLongerThanTheIntensityWindowIsWaitedOut() {
    Supervisor s = supervisor(scaledDown());
    scheduler.advance(Duration.ofMillis(500));
    server.portHeld = thief();
    server.crash();
    scheduler.advance(Duration.ofSeconds(6)); // three intensity windows of theft

    assertThat(s.state()).isEqualTo(SupervisorState.RECOVERING);
    assertThat(events.count(SupervisorEventType.GAVE_UP)).isZero();
    assertThat(events.count(SupervisorEventType.RESTART_FAILED)).isZero();
    List<SupervisorEvent> held = events.ofType(SupervisorEventType.PORT_HELD);
    assertThat(held).hasSizeGreaterThan(3).allSatisfy(e -> {
      assertThat(e.pid()).isEqualTo(4242);
      assertThat(e.detail()).contains("nc -l 127.0.0.1 7233");
    });
    List<Duration> waits = held.stream().map(SupervisorEvent::duration).toList();
    assertThat(waits).startsWith(Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(400), Duration.ofMillis(800));
    assertThat(Collections.max(waits)).as("capped").isEqualTo(Duration.ofMillis(800));

    long freedAt = scheduler.nanoTime();
    server.portHeld = null;
    scheduler.advance(Duration.ofSeconds(2));

    SupervisorEvent restarted = events.ofType(SupervisorEventType.RESTARTED).get(0);
    assertThat(restarted.nanoTime() - freedAt).as("back within one (capped) backoff step")
        .isLessThanOrEqualTo(Duration.ofMillis(800).plus(server.restartTakes).toNanos());
    assertThat(s.state()).isEqualTo(SupervisorState.RUNNING);
    assertThat(s.restartCount()).isEqualTo(1);
    assertThat(events.count(SupervisorEventType.GAVE_UP)).isZero();
  }

  @Test
  void realRestartsStillCountTowardTheLimitAfterATheft() {
    Supervisor s = supervisor(scaledDown().toBuilder()
        .restartIntensity(3, Duration.ofSeconds(20)).build());
    scheduler.advance(Duration.ofMillis(500));
    server.portHeld = thief();
    server.crash();
    scheduler.advance(Duration.ofSeconds(25)); // longer than the window: many refusals
    server.portHeld = null;
    server.failNextRestarts = 10; // the server itself cannot start: a real crash loop
    scheduler.advance(Duration.ofSeconds(15));

    assertThat(s.state()).isEqualTo(SupervisorState.GAVE_UP);
    assertThat(events.count(SupervisorEventType.RESTART_FAILED)).isEqualTo(3);
  }

  @Test
  void restartAttemptNumbersCountEveryAttemptAndNeverRepeat() {
    supervisor(scaledDown());
    server.failNextRestarts = 2;
    server.crash();
    scheduler.advance(Duration.ofSeconds(5));
    server.crash();
    scheduler.advance(Duration.ofSeconds(5));

    List<Integer> numbers = new ArrayList<>();
    events.ofType(SupervisorEventType.RESTART_ATTEMPT).forEach(e -> numbers.add(e.attempt()));
    assertThat(numbers).containsExactly(1, 2, 3, 4);
    assertThat(events.ofType(SupervisorEventType.RESTARTED).stream()
        .map(SupervisorEvent::attempt).toList()).containsExactly(3, 4);
  }

  @Test
  void aFailedRestartsReasonIsShortEvenWithAHugeClassPathAndLog() {
    supervisor(scaledDown());
    String classPath = String.join(":", Collections.nCopies(300,
        "/home/ci/.m2/repository/io/temporal/temporal-sdk/1.38.0/temporal-sdk-1.38.0.jar"));
    List<String> log = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      log.add("log line " + i + " " + "x".repeat(500));
    }
    server.failure = new TemporalStartException("the server exited with code 1 before it was "
        + "ready", List.of("/usr/bin/java", "-Xshare:auto", "-cp", classPath,
            "dev.supervisedtemporal.lifecycle.backend.EmbeddedServerMain", "7233", "default",
            "more", "args"), log, null);
    server.failNextRestarts = 1;
    server.crash();
    scheduler.advance(Duration.ofSeconds(2));

    SupervisorEvent failed = events.ofType(SupervisorEventType.RESTART_FAILED).get(0);
    assertThat(classPath.length()).isGreaterThan(20_000);
    assertThat(failed.detail()).hasSizeLessThan(2_000)
        .contains("exited with code 1", "/usr/bin/java", "log line 39")
        .doesNotContain("log line 34");
  }
}
