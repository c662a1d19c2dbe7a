package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.chaos.ChaosSchedule;
import dev.supervisedtemporal.chaos.FaultKind;
import dev.supervisedtemporal.chaos.workload.Checker;
import dev.supervisedtemporal.chaos.workload.WorkloadVerdict;
import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.lifecycle.ProbeDepth;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user's view of chaos. Payments (two activities each) are started at a
 * steady rate while a seeded schedule kills, terminates and (where the probe can see it)
 * suspends the server; every payment must complete with the right receipt. On an in-memory
 * backend the workflows a kill forgets are reported as lost, as expected.
 */
@WithSupervisedTemporal(maxRestarts = 1000)
@ExtendWith(SuiteParametersResolver.class)
@Tag(ScenarioTags.CHAOS)
@DisplayName("payments under seeded faults")
class WorkloadChaosScenario {

  @Test
  void everyPaymentCompletesWithItsReceipt(SupervisedTemporal temporal, SuiteParameters run,
      TestReporter reporter) throws Exception {
    temporal.awaitHealthy(Duration.ofSeconds(30));
    boolean protocolProbe = temporal.supervisor().policy().probeDepth() == ProbeDepth.FULL;
    ChaosSchedule schedule = ChaosSchedule.seeded(run.randomSeed())
        .every(Duration.ofSeconds(1)).jitter(Duration.ofMillis(300))
        // a hang is held long enough for the probe's threshold to see it
        .hold(temporal.supervisor().policy().hangDetectionBound()
            .plus(temporal.supervisor().policy().checkInterval()))
        .recoveryTimeout(Duration.ofSeconds(60))
        .fault(FaultKind.KILL, 2).fault(FaultKind.TERMINATE, 1);
    if (protocolProbe) {
      schedule = schedule.fault(FaultKind.SUSPEND, 1);
    }
    WorkloadVerdict verdict;
    try (Payments payments = Payments.worker(temporal.workflowClient())) {
      verdict = temporal.run(payments.workload("payments").rate(10)
          .duration(Duration.ofSeconds(8)).unitTimeout(Duration.ofSeconds(90))
          .faults(schedule)
          .checking(Checker.standard().expectResults(Payments::receipt)
              .activityExecutionsAtMost(8)));
    }
    verdict.assertPassed();
    assertThat(verdict.faults()).as("faults injected").isPositive();
    KeyTiming.publish(reporter, String.format(Locale.ROOT, "%d payments, %d faults (seed %d), "
        + "%d lost%s, %d wrong, %d duplicated activity executions; p95 %.0f ms during faults, "
        + "%.0f ms outside", verdict.units(), verdict.faults(), run.randomSeed(), verdict.lost(),
        verdict.lost() > 0 ? " (in-memory: expected)" : "", verdict.wrongResults(),
        verdict.duplicateActivityExecutions(), verdict.latencyDuringFaults().p95Ms(),
        verdict.latencyOutsideFaults().p95Ms()));
  }
}
