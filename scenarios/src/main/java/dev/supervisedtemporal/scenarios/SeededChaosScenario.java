package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.chaos.ChaosRun;
import dev.supervisedtemporal.chaos.ChaosSchedule;
import dev.supervisedtemporal.chaos.FaultKind;
import dev.supervisedtemporal.chaos.FaultOutcome;
import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.lifecycle.ProbeDepth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A seeded random run of faults (kill, terminate and, where the probe can see
 * it, suspend), one at a time, each awaited until a client RPC succeeds again. Zero unrecovered
 * faults; the class's leak check then proves zero leaks. Same seed, same faults.
 */
@WithSupervisedTemporal(maxRestarts = 1000)
@ExtendWith(SuiteParametersResolver.class)
@Tag(ScenarioTags.CHAOS)
@Tag(ScenarioTags.TIMING)
@DisplayName("seeded random faults")
class SeededChaosScenario {

  @Test
  void everyFaultOfASeededRunIsRecovered(SupervisedTemporal temporal, SuiteParameters run,
      TestReporter reporter) throws Exception {
    temporal.awaitHealthy(Duration.ofSeconds(30));
    boolean protocolProbe = temporal.supervisor().policy().probeDepth() == ProbeDepth.FULL;
    Duration interval = temporal.supervisor().policy().checkInterval();
    ChaosSchedule schedule = ChaosSchedule.seeded(run.randomSeed())
        .every(Duration.ofSeconds(1)).jitter(Duration.ofMillis(300))
        // a hang is held long enough for the probe's threshold to see it
        .hold(temporal.supervisor().policy().hangDetectionBound().plus(interval))
        .recoveryTimeout(Duration.ofSeconds(60))
        .maxFaults(run.faults());
    schedule = protocolProbe
        ? schedule.fault(FaultKind.KILL, 3).fault(FaultKind.TERMINATE, 1)
            .fault(FaultKind.SUSPEND, 1)
        : schedule.fault(FaultKind.KILL, 3).fault(FaultKind.TERMINATE, 1);
    ChaosRun result = schedule.run(temporal.chaos(), Duration.ofMinutes(10));

    assertThat(result.faults()).hasSize(run.faults());
    List<FaultOutcome> unrecovered = result.faults().stream().filter(f -> !f.recovered())
        .toList();
    assertThat(unrecovered).as("unrecovered faults").isEmpty();
    List<Double> recovery = result.faults().stream()
        .map(f -> KeyTiming.ms(f.recoveryTime().toNanos())).toList();
    KeyTiming.publish(reporter, String.format("%d faults (seed %d), 0 unrecovered, recovery "
        + "median %.0f ms, max %.0f ms", result.faults().size(), run.randomSeed(),
        KeyTiming.median(recovery), recovery.stream().mapToDouble(Double::doubleValue).max()
            .orElse(0)));
  }
}
