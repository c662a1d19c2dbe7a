package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Core case 6: the health checks come at the configured rate. The tight numbers (mean, jitter,
 * drift) go to the report; this test's own bound is generous.
 */
@WithSupervisedTemporal
@Tag(ScenarioTags.CORE_CASE)
@Tag(ScenarioTags.TIMING)
@DisplayName("6 health-check frequency")
class HealthCheckFrequencyScenario {

  static final int SPACINGS = 12;

  @Test
  void ticksComeAtTheConfiguredRate(SupervisedTemporal temporal, TestReporter reporter)
      throws Exception {
    Duration interval = temporal.supervisor().policy().checkInterval();
    int from = temporal.events().size();
    List<SupervisorEvent> ticks = new ArrayList<>();
    for (int i = 0; i <= SPACINGS; i++) {
      SupervisorEvent tick = temporal.events().await("tick " + (i + 1), from,
          e -> e.type() == SupervisorEventType.TICK, interval.multipliedBy(3).plusSeconds(10));
      ticks.add(tick);
      from = temporal.events().positionOf(tick) + 1;
    }
    List<Double> spacing = new ArrayList<>();
    for (int i = 1; i < ticks.size(); i++) {
      spacing.add(KeyTiming.ms(ticks.get(i).nanoTime() - ticks.get(i - 1).nanoTime()));
    }
    double expected = KeyTiming.ms(interval.toNanos());
    double mean = spacing.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double worst = spacing.stream().mapToDouble(s -> Math.abs(s - expected)).max().orElseThrow();
    assertThat(mean).as("mean tick spacing (ms), configured %s", interval)
        .isBetween(expected * 0.5, expected * 2);
    assertThat(ticks).allSatisfy(t -> assertThat(t.healthy()).isTrue());
    KeyTiming.publish(reporter, String.format("mean spacing %.1f ms (interval %.0f), worst "
        + "jitter %.1f ms over %d ticks", mean, expected, worst, SPACINGS));
  }
}
