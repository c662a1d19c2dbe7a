package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.chaos.Fault;
import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The pid file names a live process that is not our server (pid reuse). The
 * server is killed and restarted; the decoy is never signalled.
 */
@WithSupervisedTemporal
@Tag(ScenarioTags.CHAOS)
@DisplayName("pid reuse decoy")
class PidReuseScenario {

  @Test
  void aDecoyNamedByThePidFileIsNeverSignalled(SupervisedTemporal temporal,
      TestReporter reporter) throws Exception {
    temporal.awaitHealthy(Duration.ofSeconds(30));
    try (Fault decoy = temporal.chaos().pidFileNamingForeignProcess()) {
      long decoyPid = decoy.helperPid();
      ProcessHandle decoyHandle = ProcessHandle.of(decoyPid).orElseThrow();
      int from = temporal.events().size();
      Fault kill = temporal.chaos().kill();
      temporal.chaos().awaitRecovery(kill, Duration.ofSeconds(60));
      temporal.events().await("RESTARTED", from,
          e -> e.type() == SupervisorEventType.RESTARTED, Duration.ofSeconds(60));
      assertThat(decoyHandle.isAlive()).as("decoy %d after kill and restart", decoyPid).isTrue();
      assertThat(temporal.manager().staleStateNotes()).as("what the restart found")
          .anySatisfy(n -> assertThat(n).contains("nothing signalled"));
      KeyTiming.publish(reporter, "decoy pid " + decoyPid + " untouched; restarted as pid "
          + temporal.pid());
    }
  }
}
