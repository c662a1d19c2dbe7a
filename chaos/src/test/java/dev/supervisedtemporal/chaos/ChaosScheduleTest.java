package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaosScheduleTest {

  private static ChaosSchedule mix(long seed) {
    return ChaosSchedule.seeded(seed).every(Duration.ofSeconds(2)).jitter(Duration.ofMillis(500))
        .faults(FaultKind.KILL, FaultKind.SUSPEND, FaultKind.STEAL_PORT, FaultKind.TERMINATE);
  }

  @Test
  void sameSeedGivesSameFaultsAndGaps() {
    List<ScheduledFault> first = mix(42).plan(50);
    List<ScheduledFault> second = mix(42).plan(50);
    assertThat(second).isEqualTo(first);
    assertThat(mix(43).plan(50)).isNotEqualTo(first);
  }

  @Test
  void gapsStayWithinIntervalPlusMinusJitter() {
    assertThat(mix(7).plan(200)).allSatisfy(f -> assertThat(f.gap())
        .isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500)));
  }

  @Test
  void weightsShapeTheMix() {
    ChaosSchedule schedule = ChaosSchedule.seeded(1).faults(FaultKind.KILL)
        .fault(FaultKind.SUSPEND, 9);
    Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
    schedule.plan(1000).forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
    assertThat(counts.keySet()).containsOnly(FaultKind.KILL, FaultKind.SUSPEND);
    assertThat(counts.get(FaultKind.SUSPEND)).isGreaterThan(counts.get(FaultKind.KILL) * 4);
  }

  @Test
  void isImmutable() {
    ChaosSchedule base = ChaosSchedule.seeded(5).faults(FaultKind.KILL);
    base.fault(FaultKind.SUSPEND, 3).every(Duration.ofMillis(10));
    assertThat(base.mix()).containsOnlyKeys(FaultKind.KILL);
  }

  @Test
  void refusesWhatCannotBeScheduledAndNamesTheSetting() {
    assertThatThrownBy(() -> ChaosSchedule.seeded(1).faults(FaultKind.HOLD_LOCK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOLD_LOCK");
    assertThatThrownBy(() -> ChaosSchedule.seeded(1).every(Duration.ZERO))
        .hasMessageContaining("interval");
    assertThatThrownBy(() -> ChaosSchedule.seeded(1).fault(FaultKind.KILL, 0))
        .hasMessageContaining("weight");
    assertThatThrownBy(() -> ChaosSchedule.seeded(1).plan(1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("faults(");
  }

  @Test
  void supervisorJitterDrawsFromTheSameSeed() {
    SupervisorPolicy policy = mix(42).seededPolicy(SupervisorPolicy.recommended());
    assertThat(policy.randomSeed()).hasValue(42);
  }
}
