package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervisedtemporal.chaos.Fault;
import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Another process takes the port while the server is down. The server is never
 * reported healthy, the thief is named, the backoff grows, and the server is back on the same
 * port once the thief lets go.
 */
@WithSupervisedTemporal
@Tag(ScenarioTags.CHAOS)
@DisplayName("port thief")
class PortThiefScenario {

  @Test
  void aStolenPortIsNamedBackedOffAndRecovered(SupervisedTemporal temporal,
      TestReporter reporter) throws Exception {
    temporal.awaitHealthy(Duration.ofSeconds(30));
    int port = temporal.port();
    int from = temporal.events().size();
    long thiefPid;
    List<SupervisorEvent> during;
    Fault stolen;
    try (Fault thief = temporal.chaos().stealPort()) {
      stolen = thief;
      thiefPid = thief.thiefPid();
      await("two refused restarts while the port is stolen").atMost(Duration.ofSeconds(60))
          .until(() -> since(temporal, from).stream()
              .filter(e -> e.type() == SupervisorEventType.PORT_HELD).count() >= 2);
      during = since(temporal, from);
    }
    assertThat(during).as("events while the port was stolen")
        .noneMatch(e -> e.type() == SupervisorEventType.HEALTHY
            || e.type() == SupervisorEventType.RESTARTED);
    assertThat(during).filteredOn(e -> e.type() == SupervisorEventType.PORT_HELD)
        .allSatisfy(e -> assertThat(e.detail()).contains("pid " + thiefPid));
    assertThat(during).as("waiting for a thief is not a failed restart")
        .noneMatch(e -> e.type() == SupervisorEventType.RESTART_FAILED
            || e.type() == SupervisorEventType.GAVE_UP);
    List<Duration> backoffs = during.stream()
        .filter(e -> e.type() == SupervisorEventType.BACKOFF
            || e.type() == SupervisorEventType.PORT_HELD)
        .map(SupervisorEvent::duration).toList();
    assertThat(backoffs).hasSizeGreaterThanOrEqualTo(2);
    assertThat(backoffs.get(backoffs.size() - 1)).as("backoff grows: %s", backoffs)
        .isGreaterThan(backoffs.get(0));

    int released = temporal.events().size();
    temporal.events().await("RESTARTED after the thief let go", released,
        e -> e.type() == SupervisorEventType.RESTARTED, Duration.ofSeconds(60));
    temporal.chaos().awaitRecovery(stolen, Duration.ofSeconds(60));
    temporal.awaitHealthy(Duration.ofSeconds(30));
    assertThat(temporal.port()).isEqualTo(port);
    KeyTiming.publish(reporter, "thief pid " + thiefPid + " named; backoffs "
        + backoffs.stream().map(Duration::toMillis).toList() + " ms; recovered on port " + port);
  }

  private static List<SupervisorEvent> since(SupervisedTemporal temporal, int from) {
    return temporal.events().since(from);
  }
}
