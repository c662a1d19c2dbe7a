package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SupervisorPolicyTest {

  @Test
  void basicPolicyIsAFixedConnectCheckWithoutLimits() {
    SupervisorPolicy basic = SupervisorPolicy.basic();
    assertThat(basic.name()).isEqualTo("basic");
    assertThat(basic.checkInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(basic.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(basic.maxBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(basic.backoffMultiplier()).isEqualTo(1.0);
    assertThat(basic.jitter()).isZero();
    assertThat(basic.reactToExit()).isFalse();
    assertThat(basic.probeDepth()).isEqualTo(ProbeDepth.CONNECT);
    assertThat(basic.maxRestarts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(basic.minServingUptime()).isEmpty();
  }

  @Test
  void recommendedReplacesAServerThatReachedReadyAtOnce() {
    assertThat(SupervisorPolicy.recommended().minServingUptime()).contains(Duration.ZERO);
    SupervisorPolicy s6 = SupervisorPolicy.builder().minServingUptime(Duration.ofSeconds(1))
        .build();
    assertThat(s6.minServingUptime()).contains(Duration.ofSeconds(1));
    assertThat(s6.scaled(0.5).minServingUptime()).contains(Duration.ofMillis(500));
    assertThat(s6.toBuilder().build().minServingUptime()).contains(Duration.ofSeconds(1));
    assertThat(s6.toBuilder().noImmediateRestart().build().minServingUptime()).isEmpty();
    assertThat(SupervisorPolicy.basic().scaled(0.05).minServingUptime()).isEmpty();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SupervisorPolicy.builder().minServingUptime(Duration.ofMillis(-5))
            .build())
        .withMessage("minServingUptime = PT-0.005S; accepted: a duration >= 0 (0: a server "
            + "that reached ready is replaced at once), or noImmediateRestart() to always back "
            + "off");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SupervisorPolicy.builder().minServingUptime(null).build())
        .withMessageStartingWith("minServingUptime = null; accepted: a duration >= 0");
  }

  @Test
  void recommendedUsesEveryImprovement() {
    SupervisorPolicy r = SupervisorPolicy.recommended();
    assertThat(r.reactToExit()).isTrue();
    assertThat(r.probeDepth()).isEqualTo(ProbeDepth.FULL);
    assertThat(r.failureThreshold()).isGreaterThan(1);
    assertThat(r.backoffMultiplier()).isGreaterThan(1);
    assertThat(r.maxRestarts()).isLessThan(Integer.MAX_VALUE);
  }

  @Test
  void scalingShrinksEveryDurationButKeepsTheShape() {
    SupervisorPolicy scaled = SupervisorPolicy.basic().scaled(0.05);
    assertThat(scaled.checkInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(scaled.initialBackoff()).isEqualTo(Duration.ofMillis(50));
    assertThat(scaled.probeDepth()).isEqualTo(ProbeDepth.CONNECT);
    assertThat(scaled.name()).isEqualTo("basic");
    assertThatIllegalArgumentException().isThrownBy(() -> scaled.scaled(0))
        .withMessageContaining("scale factor = 0.0; accepted: > 0");
  }

  @Test
  void badValuesNameTheSettingAndWhatIsAccepted() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SupervisorPolicy.builder().checkInterval(Duration.ZERO).build())
        .withMessage("checkInterval = PT0S; accepted: a positive duration");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SupervisorPolicy.builder().probeTimeout(Duration.ofMillis(-1)).build())
        .withMessageStartingWith("probeTimeout = PT-0.001S; accepted");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SupervisorPolicy.builder().failureThreshold(0).build())
        .withMessage("failureThreshold = 0; accepted: an integer >= 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SupervisorPolicy.builder()
            .backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0).build())
        .withMessageContaining("maxBackoff = PT1S is below initialBackoff = PT2S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SupervisorPolicy.builder()
            .backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0).build())
        .withMessageContaining("backoffMultiplier = 0.5");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SupervisorPolicy.builder()
            .backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1.0).build())
        .withMessage("jitter = 1.0; accepted: 0 <= jitter < 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SupervisorPolicy.builder()
            .restartIntensity(0, Duration.ofMinutes(1)).build())
        .withMessage("maxRestarts = 0; accepted: an integer >= 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SupervisorPolicy.builder().stableUptime(Duration.ofSeconds(-1)).build())
        .withMessageContaining("stableUptime");
  }

  @Test
  void toBuilderCopiesEveryValue() {
    SupervisorPolicy r = SupervisorPolicy.recommended();
    assertThat(r.toBuilder().build().toString()).isEqualTo(r.toString());
  }

  @Test
  void backoffGrowsIsCappedAndJittersWithinBounds() {
    SupervisorPolicy p = SupervisorPolicy.builder()
        .backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.0).build();
    SplittableRandom random = new SplittableRandom(1);
    assertThat(Backoff.delay(p, 0, random)).isEqualTo(Duration.ofMillis(100));
    assertThat(Backoff.delay(p, 3, random)).isEqualTo(Duration.ofMillis(800));
    assertThat(Backoff.delay(p, 10, random)).isEqualTo(Duration.ofSeconds(1));

    SupervisorPolicy jittery = p.toBuilder()
        .backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.2).build();
    for (int i = 0; i < 1000; i++) {
      assertThat(Backoff.delay(jittery, 1, random))
          .isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
    }
  }

  @Test
  void theSameSeedGivesTheSameJitter() {
    SupervisorPolicy p = SupervisorPolicy.recommended();
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);
    for (int i = 0; i < 20; i++) {
      assertThat(Backoff.delay(p, i % 6, a)).isEqualTo(Backoff.delay(p, i % 6, b));
    }
  }

  @Test
  void aHangIsSeenWithinTheThresholdOfProbesThatRanOutTheirDeadline() {
    // 250 ms to the first check, then two probes of 500 ms, each followed by the next slot
    assertThat(SupervisorPolicy.recommended().hangDetectionBound())
        .isEqualTo(Duration.ofMillis(250 + 2 * (500 + 250)));
  }
}
