package dev.supervisedtemporal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workload run's events become a timeline, a chart with shaded faults, and JSON that reads back. */
class WorkloadChartTest {

  @TempDir
  Path tmp;

  /** 40 units at 10/s from 1000 ms; a kill at 2000 ms recovered at 2600 ms, a suspend 3000–3500. */
  private Path writeRun() throws Exception {
    EventLog log = new EventLog("PaymentsIT", "cli", "recommended", 250);
    for (int i = 0; i < 40; i++) {
      double start = 1000 + i * 100;
      boolean hit = start >= 1900 && start < 3600;
      String outcome = i == 7 ? "FAILED" : "COMPLETED";
      log.add(start, "WORKLOAD_UNIT", "\"workload\":\"payments\",\"unit\":" + i
          + ",\"workflowId\":\"pay-" + i + "\",\"outcome\":\"" + outcome + "\",\"acceptMs\":2.0,"
          + "\"latencyMs\":" + (hit ? 800.0 : 40.0) + ",\"activityExecutions\":2,"
          + "\"duplicateActivityExecutions\":0,\"faults\":[]");
    }
    log.fault(2000, "kill-1", "KILL");
    log.add(2000.5, "FAULT_HEALED", "\"faultId\":\"kill-1\",\"fault\":\"KILL\",\"pid\":100");
    log.unhealthy(2010);
    log.restarted(2400, 380);
    log.recovered(2600, "kill-1");
    log.fault(3000, "suspend-2", "SUSPEND");
    log.add(3500, "FAULT_HEALED", "\"faultId\":\"suspend-2\",\"fault\":\"SUSPEND\",\"pid\":101");
    log.recovered(3550, "suspend-2");
    log.add(6000, "WORKLOAD_VERDICT", "\"workload\":\"payments\",\"seed\":18,\"units\":40,"
        + "\"faults\":2,\"lost\":0,\"lostExpected\":false,\"wrong\":0,"
        + "\"duplicateActivityExecutions\":3,\"duringN\":17,\"duringP50Ms\":800.0,"
        + "\"duringP95Ms\":800.0,\"outsideN\":22,\"outsideP50Ms\":40.0,\"outsideP95Ms\":40.0,"
        + "\"passed\":false");
    log.result(6100, "FAILED");
    Path events = tmp.resolve("events");
    log.writeTo(events, "PaymentsIT.jsonl");
    return events;
  }

  @Test
  void theTimelineHasEveryUnitTheFaultsAndTheSupervisorMarks() throws Exception {
    TimingReport report = TimingReport.fromEventsDir(writeRun());

    assertThat(report.workloads()).hasSize(1);
    WorkloadTimeline t = report.workloads().get(0);
    assertThat(t.workload()).isEqualTo("payments");
    assertThat(t.seed()).isEqualTo(18L);
    assertThat(t.units()).hasSize(40);
    assertThat(t.units().get(0).startMs()).isZero();
    assertThat(t.units().get(7).outcome()).isEqualTo("FAILED");
    assertThat(t.faults()).containsExactly(new FaultSpan("kill-1", "KILL", 1000, 1000.5, 1600),
        new FaultSpan("suspend-2", "SUSPEND", 2000, 2500, 2550));
    assertThat(t.marks()).extracting(SupervisorMark::type).containsExactly("UNHEALTHY", "RESTARTED");
    assertThat(t.figures()).containsEntry("units", 40.0).containsEntry("duplicateActivityExecutions", 3.0)
        .containsEntry("outsideP95Ms", 40.0);
    assertThat(t.passed()).isFalse();
  }

  @Test
  void theChartShadesEachFaultByKindAndDrawsEveryUnit() throws Exception {
    TimingReport report = TimingReport.fromEventsDir(writeRun());
    ReportWriter.write(report, tmp.resolve("out"));
    String html = Files.readString(tmp.resolve("out").resolve(ReportWriter.HTML), StandardCharsets.UTF_8);

    assertThat(html).contains("<h2>Workloads under faults</h2>", "data-chart=\"workload-latency\"",
        "class=\"fault KILL\" data-fault-id=\"kill-1\"", "class=\"fault SUSPEND\" data-fault-id=\"suspend-2\"",
        "data-outcome=\"COMPLETED\" data-points=\"39\"", "data-outcome=\"FAILED\" data-points=\"1\"",
        "class=\"mark UNHEALTHY\"", "class=\"mark RESTARTED\"", "data-series=\"throughput\"",
        "40 units, 2 faults, 0 lost, 0 wrong, 3 duplicated activity executions",
        "during faults 800/800 ms, outside 40/40 ms", ">FAILED</span>");
  }

  @Test
  void aReportWithoutWorkloadsHasNoSection() throws Exception {
    EventLog.writePlausibleRun(tmp.resolve("events"), 1.0);
    TimingReport report = TimingReport.fromEventsDir(tmp.resolve("events"));

    assertThat(report.workloads()).isEmpty();
    assertThat(HtmlRenderer.render(report)).doesNotContain("workload-latency");
  }

  @Test
  void workloadsReadBackFromReportJson() throws Exception {
    TimingReport report = TimingReport.fromEventsDir(writeRun());
    ReportWriter.write(report, tmp.resolve("out"));
    TimingReport back = TimingReport.readJson(tmp.resolve("out").resolve(ReportWriter.JSON));

    assertThat(back.workloads()).isEqualTo(report.workloads());
    assertThat(back).isEqualTo(report);
  }
}
