package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.chaos.ChaosSchedule;
import dev.supervisedtemporal.chaos.FaultKind;
import dev.supervisedtemporal.chaos.workload.Checker;
import dev.supervisedtemporal.chaos.workload.WorkloadVerdict;
import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Toggle;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A consumer's test, as a user would write it: payments at 5.5/s for 60 s on the persistent CLI
 * server while a seeded schedule kills, terminates and suspends it every 3 s or so (the unit
 * timeout is generous: on a busy machine the backlog a fault leaves drains slowly). Run by
 * {@link WorkloadChaosIT} (not directly: the name does not end in IT or Test), which then
 * renders the class's timing events.
 */
@WithSupervisedTemporal(backend = Backend.CLI, persistent = Toggle.ON, checkInterval = "250ms",
    maxRestarts = 1000)
class PaymentsUnderChaosFixture {

  /** The seed of the fault schedule. */
  static final long SEED = 18;

  /** The schedule: ≥ 10 kills, terminations and suspensions over the run. */
  static final ChaosSchedule SCHEDULE = ChaosSchedule.seeded(SEED)
      .every(Duration.ofSeconds(3)).jitter(Duration.ofMillis(500))
      .hold(Duration.ofSeconds(1)).recoveryTimeout(Duration.ofSeconds(60))
      .fault(FaultKind.KILL, 2).fault(FaultKind.TERMINATE, 1).fault(FaultKind.SUSPEND, 1)
      .maxFaults(12);

  /** The verdict of the last run, for the IT to report. */
  static volatile WorkloadVerdict verdict;

  @Test
  void paymentsSurviveKillsTerminationsAndSuspensions(SupervisedTemporal temporal)
      throws Exception {
    temporal.awaitHealthy(Duration.ofSeconds(60));
    // The handed-out client and the worker on it reconnect as soon as a replacement is ready:
    // the extension resets its channel's connect backoff on every restart.
    try (Payments payments = Payments.worker(temporal.workflowClient())) {
      verdict = temporal.run(payments.workload("payments").rate(5.5)
          .duration(Duration.ofSeconds(60)).unitTimeout(Duration.ofMinutes(4))
          .faults(SCHEDULE)
          .checking(Checker.standard().expectResults(Payments::receipt)
              .activityExecutionsAtMost(10)));
    }
    System.out.println(verdict);
    verdict.assertPassed();
    assertThat(verdict.units()).as("workflows").isGreaterThanOrEqualTo(300);
    assertThat(verdict.faults()).as("faults").isGreaterThanOrEqualTo(10);
    assertThat(verdict.lost()).as("lost workflows").isZero();
    assertThat(verdict.wrongResults()).as("wrong results").isZero();
  }
}
