package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The supervisor's decisions, in virtual time against a scripted server. */
class SupervisorTest {

  private final ManualScheduler scheduler = new ManualScheduler();
  private final ScriptedServer server = new ScriptedServer(scheduler);
  private final SupervisorEvents events = new SupervisorEvents();

  private Supervisor supervisor(SupervisorPolicy policy) {
    Supervisor s = new Supervisor(server, policy, scheduler, events, new SplittableRandom(7));
    s.start();
    scheduler.advance(Duration.ZERO);
    return s;
  }

  /** Always backs off, so that the backoff arithmetic shows in every restart. */
  private static SupervisorPolicy.Builder fixed() {
    return SupervisorPolicy.builder()
        .checkInterval(Duration.ofSeconds(1))
        .failureThreshold(2)
        .backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 2.0, 0.0)
        .noImmediateRestart();
  }

  /** Replaces a server that served at least a second at once, like s6. */
  private static SupervisorPolicy.Builder s6() {
    return fixed().minServingUptime(Duration.ofSeconds(1)).stableUptime(Duration.ofHours(1));
  }

  private List<Duration> backoffs() {
    List<Duration> delays = new ArrayList<>();
    events.ofType(SupervisorEventType.BACKOFF).forEach(e -> delays.add(e.duration()));
    return delays;
  }

  private void awaitRestarts(int n) {
    while (events.count(SupervisorEventType.RESTARTED) < n) {
      scheduler.advance(Duration.ofMillis(1));
    }
  }

  @Test
  void aServerThatServedLongEnoughIsReplacedAtOnce() {
    supervisor(s6().build());
    scheduler.advance(Duration.ofSeconds(30)); // serving for 30 s
    long crashedAt = scheduler.nanoTime();
    server.crash();
    scheduler.advance(Duration.ZERO);
    assertThat(server.restartTimes).containsExactly(crashedAt);
    assertThat(backoffs()).containsExactly(Duration.ZERO);
    assertThat(events.ofType(SupervisorEventType.BACKOFF).get(0).detail())
        .contains("served 30000 ms");

    scheduler.advance(Duration.ofSeconds(10)); // the replacement serves too, then hangs
    server.condition = ScriptedServer.Condition.HUNG;
    scheduler.advance(Duration.ofSeconds(3)); // two failed probes reach the threshold
    assertThat(server.restartTimes).hasSize(2);
    assertThat(backoffs()).containsExactly(Duration.ZERO, Duration.ZERO);
  }

  @Test
  void aCrashLoopBacksOffMoreAndMore() {
    supervisor(s6().build());
    scheduler.advance(Duration.ofSeconds(5));
    server.crash(); // served 5 s: at once
    awaitRestarts(1);
    for (int i = 0; i < 3; i++) { // each replacement dies 200 ms after it was ready
      scheduler.advance(Duration.ofMillis(200));
      server.crash();
      awaitRestarts(2 + i);
    }
    server.failNextRestarts = 2; // and then restarts fail outright
    scheduler.advance(Duration.ofMillis(200));
    server.crash();
    scheduler.advance(Duration.ofSeconds(10));
    assertThat(backoffs()).containsExactly(Duration.ZERO, Duration.ofMillis(100),
        Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
        Duration.ofMillis(1600), Duration.ofMillis(3200));
    assertThat(events.count(SupervisorEventType.RESTART_FAILED)).isEqualTo(2);
  }

  @Test
  void theBackoffResetsOnceAServerServesAgain() {
    supervisor(s6().build());
    server.failNextRestarts = 2;
    scheduler.advance(Duration.ofMillis(300));
    server.crash(); // served 300 ms: a crash loop from the start
    scheduler.advance(Duration.ofSeconds(10));
    assertThat(backoffs()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(400));
    assertThat(events.count(SupervisorEventType.RESTARTED)).isEqualTo(1);

    scheduler.advance(Duration.ofSeconds(2)); // the third restart has served 2 s+
    server.failNextRestarts = 1;
    server.crash();
    scheduler.advance(Duration.ofSeconds(10));
    assertThat(backoffs()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(400), Duration.ZERO, Duration.ofMillis(100));
  }

  @Test
  void byDefaultAnyServerThatReachedReadyIsReplacedAtOnceAndOnlyFailuresBackOff() {
    supervisor(SupervisorPolicy.recommended().toBuilder().randomSeed(1).build());
    for (int i = 0; i < 5; i++) { // a burst: each kill 300 ms after the replacement was ready
      scheduler.advance(Duration.ofMillis(300));
      server.crash();
      scheduler.advance(Duration.ofMillis(400)); // the restart takes 400 ms
    }
    assertThat(backoffs()).hasSize(5).allMatch(Duration::isZero);
    server.failNextRestarts = 1;
    server.crash();
    scheduler.advance(Duration.ofSeconds(5));
    assertThat(backoffs().get(5)).isZero();
    assertThat(backoffs().get(6)).isBetween(Duration.ofMillis(80), Duration.ofMillis(120));
  }

  private List<Long> times(SupervisorEventType type) {
    List<Long> t = new ArrayList<>();
    events.ofType(type).forEach(e -> t.add(e.nanoTime()));
    return t;
  }

  @Test
  void ticksAtAFixedRateWithoutDrift() {
    supervisor(fixed().build());
    scheduler.advance(Duration.ofSeconds(10));
    List<Long> ticks = times(SupervisorEventType.TICK);
    assertThat(ticks).hasSize(10);
    for (int i = 1; i < ticks.size(); i++) {
      assertThat(ticks.get(i) - ticks.get(i - 1)).isEqualTo(1_000_000_000L);
    }
    assertThat(server.restartTimes).isEmpty();
  }

  @Test
  void basicPolicyWaitsForTheNextTickThenBacksOffOneSecond() {
    supervisor(SupervisorPolicy.basic());
    scheduler.advance(Duration.ofSeconds(6)); // one healthy tick at 5 s
    long crashedAt = scheduler.nanoTime();
    server.crash(); // exit events are not used by the basic policy
    scheduler.advance(Duration.ofSeconds(3));
    assertThat(events.count(SupervisorEventType.UNHEALTHY)).isZero();

    scheduler.advance(Duration.ofSeconds(2)); // tick at 10 s
    SupervisorEvent unhealthy = events.ofType(SupervisorEventType.UNHEALTHY).get(0);
    assertThat(unhealthy.nanoTime() - crashedAt).isEqualTo(4_000_000_000L);
    assertThat(server.restartTimes).containsExactly(unhealthy.nanoTime() + 1_000_000_000L);
    assertThat(events.ofType(SupervisorEventType.BACKOFF).get(0).duration())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(events.count(SupervisorEventType.RESTARTED)).isEqualTo(1);
  }

  @Test
  void recommendedPolicyReactsToTheExitEventAtOnce() {
    supervisor(fixed().build());
    scheduler.advance(Duration.ofMillis(1500));
    long crashedAt = scheduler.nanoTime();
    server.crash();
    scheduler.advance(Duration.ZERO);
    SupervisorEvent unhealthy = events.ofType(SupervisorEventType.UNHEALTHY).get(0);
    assertThat(unhealthy.nanoTime()).isEqualTo(crashedAt);
    assertThat(unhealthy.detail()).contains("exited with code 137");
    scheduler.advance(Duration.ofMillis(100));
    assertThat(server.restartTimes).containsExactly(crashedAt + 100_000_000L);
    assertThat(server.pid).isEqualTo(101);
  }

  @Test
  void aHungServerNeedsTheThresholdOfFailedProbes() {
    Supervisor s = supervisor(fixed().build());
    server.condition = ScriptedServer.Condition.HUNG;
    scheduler.advance(Duration.ofMillis(1000)); // first failed probe
    assertThat(events.count(SupervisorEventType.UNHEALTHY)).isZero();
    assertThat(s.state()).isEqualTo(SupervisorState.RUNNING);
    scheduler.advance(Duration.ofMillis(1000)); // second failed probe
    assertThat(events.ofType(SupervisorEventType.UNHEALTHY)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("PROTOCOL").contains("DEADLINE"));
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(server.restartTimes).hasSize(1);
    assertThat(s.state()).isEqualTo(SupervisorState.RUNNING);
  }

  @Test
  void aServerThatRefusesConnectionsIsDownAtTheFirstFailedProbe() {
    // e.g. a server shutting down after SIGTERM: alive, its listener closed. No doubt, no threshold.
    Supervisor s = supervisor(fixed().build());
    server.condition = ScriptedServer.Condition.REFUSING;
    scheduler.advance(Duration.ofMillis(1000)); // first failed probe
    assertThat(events.ofType(SupervisorEventType.UNHEALTHY)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("PROTOCOL").contains("UNAVAILABLE"));
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(server.restartTimes).hasSize(1);
    assertThat(s.state()).isEqualTo(SupervisorState.RUNNING);
  }

  @Test
  void theLateExitEventOfAServerATickAlreadyReplacedRestartsNothing() {
    supervisor(fixed().build());
    long dead = server.pid;
    server.condition = ScriptedServer.Condition.DEAD; // died; its exit event is not yet in
    scheduler.advance(Duration.ofSeconds(2)); // a tick sees it gone and the restart is done
    assertThat(server.restartTimes).hasSize(1);
    assertThat(server.pid).isNotEqualTo(dead);
    server.fireExit(new ServerExit(dead, 137, false, scheduler.nanoTime(), Instant.now()));
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(server.restartTimes).as("the successor is left alone").hasSize(1);
  }

  @Test
  void theConnectProbeIsBlindToAHungServer() {
    supervisor(SupervisorPolicy.basic());
    server.condition = ScriptedServer.Condition.HUNG;
    scheduler.advance(Duration.ofMinutes(1));
    assertThat(events.count(SupervisorEventType.UNHEALTHY)).isZero();
    assertThat(server.restartTimes).isEmpty();
  }

  @Test
  void backoffGrowsAcrossFailedRestartsAndResetsAfterStableUptime() {
    supervisor(fixed().stableUptime(Duration.ofSeconds(10)).build());
    server.failNextRestarts = 3;
    server.crash();
    scheduler.advance(Duration.ofSeconds(20));
    List<Duration> delays = new ArrayList<>();
    events.ofType(SupervisorEventType.BACKOFF).forEach(e -> delays.add(e.duration()));
    assertThat(delays).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(400), Duration.ofMillis(800));
    assertThat(events.count(SupervisorEventType.RESTART_FAILED)).isEqualTo(3);
    assertThat(events.ofType(SupervisorEventType.RESTART_FAILED).get(0).detail())
        .contains("pid 4242");
    assertThat(events.count(SupervisorEventType.RESTARTED)).isEqualTo(1);

    scheduler.advance(Duration.ofSeconds(15)); // stable longer than 10 s
    server.crash();
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(events.ofType(SupervisorEventType.BACKOFF).get(4).duration())
        .isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void backoffDoesNotResetBeforeStableUptime() {
    supervisor(fixed().stableUptime(Duration.ofSeconds(60)).build());
    server.crash();
    scheduler.advance(Duration.ofSeconds(5));
    server.crash();
    scheduler.advance(Duration.ofSeconds(5));
    List<Duration> delays = new ArrayList<>();
    events.ofType(SupervisorEventType.BACKOFF).forEach(e -> delays.add(e.duration()));
    assertThat(delays).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void givesUpAfterTooManyRestartsInTheWindowWithTheLogTail() {
    Supervisor s = supervisor(fixed().stableUptime(Duration.ofHours(1))
        .restartIntensity(3, Duration.ofMinutes(1)).build());
    for (int i = 0; i < 4; i++) {
      server.crash();
      scheduler.advance(Duration.ofSeconds(3));
    }
    assertThat(server.restartTimes).hasSize(3);
    assertThat(s.state()).isEqualTo(SupervisorState.GAVE_UP);
    assertThat(events.ofType(SupervisorEventType.GAVE_UP)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("3 restart attempts within PT1M")
            .contains("panic: the last words"));
    int ticks = events.ofType(SupervisorEventType.TICK).size();
    scheduler.advance(Duration.ofMinutes(5));
    assertThat(server.restartTimes).hasSize(3);
    assertThat(events.ofType(SupervisorEventType.TICK)).hasSize(ticks);
  }

  @Test
  void restartsOutsideTheWindowDoNotCount() {
    Supervisor s = supervisor(fixed().stableUptime(Duration.ofHours(1))
        .restartIntensity(2, Duration.ofSeconds(10)).build());
    for (int i = 0; i < 5; i++) {
      server.crash();
      scheduler.advance(Duration.ofSeconds(20));
    }
    assertThat(server.restartTimes).hasSize(5);
    assertThat(s.state()).isEqualTo(SupervisorState.RUNNING);
  }

  @Test
  void noRestartOnceStopBeganDuringBackoff() {
    Supervisor s = supervisor(fixed().backoff(Duration.ofSeconds(2), Duration.ofSeconds(2), 1, 0)
        .build());
    server.crash();
    scheduler.advance(Duration.ofMillis(500)); // inside the backoff
    s.stop();
    scheduler.advance(Duration.ofMinutes(1));
    assertThat(server.restartTimes).isEmpty();
    assertThat(s.state()).isEqualTo(SupervisorState.STOPPED);
    assertThat(events.snapshot().get(events.size() - 1).type())
        .isEqualTo(SupervisorEventType.STOPPED);
    assertThat(scheduler.isShutdown()).isTrue();
  }

  @Test
  void stopDuringARestartClosesTheGateBeforeTheSpawn() {
    Supervisor[] s = new Supervisor[1];
    server.duringRestart = () -> s[0].stop(); // stop() races the restart under way
    s[0] = supervisor(fixed().build());
    server.crash();
    scheduler.advance(Duration.ofSeconds(5));
    assertThat(server.restartTimes).hasSize(1);
    assertThat(server.spawned).isZero();
    assertThat(events.count(SupervisorEventType.RESTARTED)).isZero();
    assertThat(events.count(SupervisorEventType.RESTART_FAILED)).isZero();
    assertThat(s[0].state()).isEqualTo(SupervisorState.STOPPED);
  }

  @Test
  void aSlowRestartSkipsMissedTicksInsteadOfBunchingThem() {
    supervisor(fixed().build());
    server.restartTakes = Duration.ofMillis(3500);
    scheduler.advance(Duration.ofMillis(1200));
    server.crash();
    scheduler.advance(Duration.ofSeconds(10));
    List<Long> ticks = times(SupervisorEventType.TICK);
    for (long t : ticks) {
      assertThat((t - ticks.get(0)) % 1_000_000_000L).isZero(); // always on the grid
    }
    for (int i = 1; i < ticks.size(); i++) {
      assertThat(ticks.get(i)).isGreaterThan(ticks.get(i - 1));
    }
  }

  @Test
  void aThrowingListenerOrProbeNeverEndsTheSupervisor() {
    events.subscribe(e -> {
      throw new IllegalStateException("listener bug");
    });
    Supervisor s = supervisor(fixed().build());
    scheduler.advance(Duration.ofSeconds(3));
    server.checkThrows = true;
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(events.count(SupervisorEventType.UNHEALTHY)).isEqualTo(1);
    server.checkThrows = false;
    scheduler.advance(Duration.ofSeconds(3));
    assertThat(events.count(SupervisorEventType.RESTARTED)).isEqualTo(1);
    assertThat(s.state()).isEqualTo(SupervisorState.RUNNING);
    assertThat(events.count(SupervisorEventType.TICK)).isGreaterThanOrEqualTo(7);
  }

  @Test
  void expectedExitsAreIgnored() {
    supervisor(fixed().build());
    // an exit the manager caused itself (stop or cleanup) is not a crash
    server.fireExit(new ServerExit(server.pid, 143, true, scheduler.nanoTime(), Instant.now()));
    scheduler.advance(Duration.ofMillis(900));
    assertThat(events.count(SupervisorEventType.UNHEALTHY)).isZero();
  }

  @Test
  void stopIsIdempotentAndReportsStoppedOnce() {
    Supervisor s = supervisor(fixed().build());
    s.stop();
    s.stop();
    assertThat(events.count(SupervisorEventType.STOPPED)).isEqualTo(1);
    assertThat(s.isStopping()).isTrue();
  }
}
