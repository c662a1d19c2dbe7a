package dev.supervisedtemporal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricCalculatorTest {

  @TempDir
  Path dir;

  private TimingReport build(EventLog... logs) throws Exception {
    int i = 0;
    for (EventLog log : logs) {
      log.writeTo(dir, "run-" + (i++) + ".jsonl");
    }
    return TimingReport.fromEventsDir(dir);
  }

  private static FaultGroup group(TimingReport r, String policy, String kind) {
    return r.groups().stream()
        .filter(g -> g.key().policy().equals(policy) && g.key().faultKind().equals(kind))
        .findFirst().orElseThrow();
  }

  @Test
  void detectionRecoveryAndRestartsHaveExactValues() throws Exception {
    EventLog log = new EventLog("s", "embedded", "basic", 100)
        .ready(0, 400)
        .fault(1000, "f1", "KILL").unhealthy(1030).restarted(1100, 500).recovered(1600, "f1")
        .fault(2000, "f2", "KILL").unhealthy(2070).restarted(2100, 600).recovered(2900, "f2")
        .fault(3000, "f3", "SUSPEND").unhealthy(3250).recovered(4000, "f3")
        .result(5000, "PASSED");
    TimingReport r = build(log);

    FaultGroup kill = group(r, "basic", "KILL");
    assertThat(kill.counts()).containsEntry("faults", 2L).containsEntry("restarts", 2L)
        .containsEntry("undetected", 0L).containsEntry("unrecovered", 0L);
    Stats detect = kill.metrics().get("detectionLatencyMs");
    assertThat(detect.n()).isEqualTo(2);
    assertThat(detect.p50()).isCloseTo(30, within(1e-9));
    assertThat(detect.max()).isCloseTo(70, within(1e-9));
    assertThat(kill.metrics().get("detectionLatencyPerInterval").p95()).isCloseTo(0.7, within(1e-9));
    assertThat(kill.metrics().get("recoveryTimeMs").p50()).isCloseTo(600, within(1e-9));
    assertThat(kill.metrics().get("recoveryTimeMs").max()).isCloseTo(900, within(1e-9));
    // spawn -> ready median of 400, 500, 600 is 500 (nearest rank)
    assertThat(r.runs().get(0).spawnToReadyRefMs()).isEqualTo(500.0);
    assertThat(kill.metrics().get("recoveryPerSpawnToReady").max()).isCloseTo(1.8, within(1e-9));
    assertThat(kill.metrics().get("restartDurationMs").p50()).isEqualTo(500.0);

    FaultGroup suspend = group(r, "basic", "SUSPEND");
    assertThat(suspend.metrics().get("detectionLatencyMs").p50()).isCloseTo(250, within(1e-9));
    assertThat(suspend.counts()).containsEntry("restarts", 0L);
  }

  @Test
  void userFeltRecoveriesAreMeasuredFromTheirOwnFault() throws Exception {
    EventLog log = new EventLog("s", "cli", "recommended", 1000)
        .ready(0, 400)
        .fault(1000, "f1", "KILL").unhealthy(1010).restarted(1400, 400).recovered(1420, "f1")
        .add(1450, "CLIENT_RECOVERED", "\"faultId\":\"f1\"")
        .add(2100, "WORKER_RECOVERED", "\"faultId\":\"f1\"")
        .add(2300, "INFLIGHT_RECOVERED", "\"faultId\":\"f1\"")
        .fault(3000, "f2", "KILL").unhealthy(3010).restarted(3400, 400).recovered(3410, "f2")
        .add(3650, "CLIENT_RECOVERED", "\"faultId\":\"f2\"")
        .result(5000, "PASSED");
    FaultGroup kill = group(build(log), "recommended", "KILL");
    Stats client = kill.metrics().get("clientRecoveryMs");
    assertThat(client.n()).isEqualTo(2);
    assertThat(client.p50()).isCloseTo(450, within(1e-9));
    assertThat(client.max()).isCloseTo(650, within(1e-9));
    assertThat(kill.metrics().get("clientRecoveryPerSpawnToReady").max())
        .isCloseTo(650 / 400.0, within(1e-9));
    assertThat(kill.metrics().get("workerRecoveryMs").n()).isEqualTo(1);
    assertThat(kill.metrics().get("workerRecoveryMs").p50()).isCloseTo(1100, within(1e-9));
    assertThat(kill.metrics().get("inflightRecoveryMs").p50()).isCloseTo(1300, within(1e-9));
    // server-side recovery stays what the probe saw
    assertThat(kill.metrics().get("recoveryTimeMs").max()).isCloseTo(420, within(1e-9));
  }

  @Test
  void undetectedAndUnrecoveredFaultsAreCountedNotGuessed() throws Exception {
    TimingReport r = build(new EventLog("s", "cli", "basic", 100)
        .fault(10, "f1", "STEAL_PORT").result(100, "FAILED"));
    FaultGroup g = group(r, "basic", "STEAL_PORT");
    assertThat(g.counts()).containsEntry("undetected", 1L).containsEntry("unrecovered", 1L);
    assertThat(g.metrics()).doesNotContainKey("detectionLatencyMs").doesNotContainKey("recoveryTimeMs");
    assertThat(r.runs().get(0).outcome()).isEqualTo("FAILED");
  }

  @Test
  void tickSpacingPercentilesAndDriftAreExact() throws Exception {
    // spacings: 100, 100, 110, 100, 120 -> sorted 100,100,100,110,120
    EventLog log = new EventLog("ticks", "embedded", "recommended", 100)
        .tick(0, true).tick(100, true).tick(200, true).tick(310, true).tick(410, true).tick(530, true)
        .result(600, "PASSED");
    TimingReport r = build(log);
    FaultGroup g = group(r, "recommended", GroupKey.NO_FAULT);
    Stats s = g.metrics().get("tickSpacingMs");
    assertThat(s.n()).isEqualTo(5);
    assertThat(s.p50()).isCloseTo(100, within(1e-9));
    assertThat(s.p95()).isCloseTo(120, within(1e-9));
    assertThat(s.max()).isCloseTo(120, within(1e-9));
    assertThat(s.mean()).isCloseTo(106, within(1e-9));
    assertThat(g.values().get("tickDriftMs")).isCloseTo(30, within(1e-9));
    assertThat(g.values().get("tickDriftFraction")).isCloseTo(30.0 / 500, within(1e-9));
    assertThat(g.metrics().get("tickSpacingPerInterval").p95()).isCloseTo(1.2, within(1e-9));
    assertThat(r.runs().get(0).ticks()).hasSize(5);
    assertThat(r.runs().get(0).ticks().get(4)).isEqualTo(new TickPoint(530, 120));
  }

  @Test
  void aSpacingThatSpansARestartIsNotATickSample() throws Exception {
    // 0, 100, [restart at 150 drops the slot at 200], 300, 400: spacings 100 and 100 count
    EventLog log = new EventLog("s", "embedded", "basic", 100)
        .tick(0, true).tick(100, true).add(150, "RESTART_ATTEMPT", "\"attempt\":1")
        .restarted(260, 100).tick(300, true).tick(400, true).result(500, "PASSED");
    Stats s = group(build(log), "basic", GroupKey.NO_FAULT).metrics().get("tickSpacingMs");
    assertThat(s.n()).isEqualTo(2);
    assertThat(s.max()).isCloseTo(100, within(1e-9));
  }

  @Test
  void ticksAfterAFaultBelongToThatFaultKind() throws Exception {
    EventLog log = new EventLog("s", "embedded", "basic", 100)
        .tick(0, true).tick(100, true).fault(150, "f", "KILL").tick(200, false).tick(300, true)
        .result(400, "PASSED");
    TimingReport r = build(log);
    assertThat(group(r, "basic", GroupKey.NO_FAULT).metrics().get("tickSpacingMs").n()).isEqualTo(1);
    assertThat(group(r, "basic", "KILL").metrics().get("tickSpacingMs").n()).isEqualTo(2);
  }

  @Test
  void basicAndRecommendedArePairedWithRatios() throws Exception {
    EventLog basic = new EventLog("s", "embedded", "basic", 100)
        .fault(0, "a", "KILL").unhealthy(400).recovered(1000, "a").result(2000, "PASSED");
    EventLog rec = new EventLog("s", "embedded", "recommended", 100)
        .fault(0, "a", "KILL").unhealthy(100).recovered(500, "a").result(2000, "PASSED");
    TimingReport r = build(basic, rec);
    assertThat(r.comparisons()).hasSize(1);
    Comparison c = r.comparisons().get(0);
    assertThat(c.faultKind()).isEqualTo("KILL");
    Map<String, ComparisonRow> rows = new java.util.HashMap<>();
    c.rows().forEach(row -> rows.put(row.metric() + "." + row.stat(), row));
    assertThat(rows.get("detectionLatencyMs.p50").ratio()).isCloseTo(0.25, within(1e-9));
    assertThat(rows.get("recoveryTimeMs.p50").ratio()).isCloseTo(0.5, within(1e-9));
    assertThat(rows.get("recoveryTimeMs.p50").baseN()).isEqualTo(1);
  }

  @Test
  void costsComeFromResources() throws Exception {
    EventLog log = new EventLog("s", "embedded", "basic", 100)
        .resources(0, 64L * 1024 * 1024, 1, 0, 0)
        .resources(10, 80L * 1024 * 1024, 2, 5_000_000L, 500)
        .result(20, "PASSED");
    TimingReport r = build(log);
    CostGroup c = r.costs().get(0);
    assertThat(c.metrics().get("rssAfterStartMiB").p50()).isEqualTo(64.0);
    assertThat(c.metrics().get("supervisorThreads").max()).isEqualTo(2.0);
    assertThat(c.metrics().get("supervisorCpuMsPer1000Ticks").p50()).isCloseTo(10.0, within(1e-9));
    assertThat(List.of(c.key().faultKind())).containsExactly(GroupKey.COST);
  }

  @Test
  void anUnknownRssIsNotARssReading(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    EventLog log = new EventLog("rss", "embedded", "basic", 100);
    log.ready(1, 200).resources(2, -1, 1, 0, 0).resources(3, 80L * 1024 * 1024, 1, 0, 0).result(4, "PASSED");
    log.writeTo(tmp, "rss-basic.jsonl");
    TimingReport report = TimingReport.fromEventsDir(tmp);
    org.assertj.core.api.Assertions.assertThat(report.runs().get(0).rssAfterStartBytes()).isEqualTo(80L * 1024 * 1024);
  }
}
