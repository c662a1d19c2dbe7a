package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.chaos.Fault;
import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.lifecycle.ProbeDepth;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * A suspended (SIGSTOP) server. The recommended policy's protocol probe detects
 * the hang, kills the hung group and restarts; the basic policy's probe is blind to it (the kernel still
 * completes TCP handshakes), which this scenario shows rather than hides.
 */
@WithSupervisedTemporal
@Tag(ScenarioTags.CHAOS)
@Tag(ScenarioTags.TIMING)
@DisplayName("hang (SIGSTOP)")
class HangScenario {

  @Test
  void aSuspendedServerIsDetectedOrTheBlindSpotIsShown(SupervisedTemporal temporal,
      TestReporter reporter) throws Exception {
    temporal.awaitHealthy(Duration.ofSeconds(30));
    ProcessIdentity hung = temporal.manager().serverIdentity().orElseThrow();
    Duration interval = temporal.supervisor().policy().checkInterval();
    int from = temporal.events().size();
    try (Fault pause = temporal.chaos().suspend()) {
      if (temporal.supervisor().policy().probeDepth() == ProbeDepth.CONNECT) {
        Thread.sleep(interval.multipliedBy(4).toMillis());
        long healthyTicks = temporal.events().since(from).stream().filter(e -> e.type() == SupervisorEventType.TICK && e.healthy()).count();
        assertThat(temporal.events().since(from))
            .as("the connect probe does not notice a stopped server")
            .noneMatch(e -> e.type() == SupervisorEventType.UNHEALTHY);
        KeyTiming.publish(reporter, "connect probe blind: " + healthyTicks
            + " ticks said healthy while the server was stopped");
        return;
      }
      SupervisorEvent unhealthy = temporal.events().await("UNHEALTHY while suspended", from,
          e -> e.type() == SupervisorEventType.UNHEALTHY, Duration.ofSeconds(60));
      assertThat(unhealthy.detail()).contains("PROTOCOL");
      SupervisorEvent restarted = temporal.events().await("RESTARTED after the hang", from,
          e -> e.type() == SupervisorEventType.RESTARTED, Duration.ofSeconds(60));
      assertThat(restarted.pid()).isNotEqualTo(hung.pid());
      assertThat(hung.isStillAlive()).as("the hung process is gone, not left stopped").isFalse();
      temporal.chaos().awaitRecovery(pause, Duration.ofSeconds(60));
      temporal.awaitHealthy(Duration.ofSeconds(30));
      KeyTiming.publish(reporter, String.format("hang detected after %.0f ms, restarted after "
          + "%.0f ms", KeyTiming.ms(unhealthy.nanoTime() - pause.injectedNanos()),
          KeyTiming.ms(restarted.nanoTime() - pause.injectedNanos())));
    }
    temporal.awaitHealthy(Duration.ofSeconds(30));
  }
}
