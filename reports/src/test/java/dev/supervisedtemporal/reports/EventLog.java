package dev.supervisedtemporal.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds synthetic event files (JSON lines) with exact, known timings for tests. */
final class EventLog {

  private final String scenario;
  private final String backend;
  private final String policy;
  private final List<String> lines = new ArrayList<>();

  EventLog(String scenario, String backend, String policy, double checkIntervalMs) {
    this.scenario = scenario;
    this.backend = backend;
    this.policy = policy;
    add(0, "RUN_META", "\"checkIntervalMs\":" + checkIntervalMs + ",\"probeTimeoutMs\":200,\"backoffMs\":100,"
        + "\"policyScale\":1,\"jdk\":\"17\",\"host\":\"test\",\"seed\":null");
  }

  /** Adds an event at {@code ms} milliseconds with extra JSON fields (without braces). */
  EventLog add(double ms, String type, String extra) {
    long t = Math.round(ms * 1_000_000L);
    lines.add("{\"v\":1,\"t\":" + t + ",\"wall\":\"2026-01-01T00:00:00Z\",\"type\":\"" + type
        + "\",\"scenario\":\"" + scenario + "\",\"backend\":\"" + backend + "\",\"policy\":\"" + policy + "\""
        + (extra.isEmpty() ? "" : "," + extra) + "}");
    return this;
  }

  EventLog ready(double ms, double spawnToReadyMs) {
    return add(ms, "SERVER_READY", "\"pid\":100,\"spawnToReadyMs\":" + spawnToReadyMs + ",\"fastStart\":true");
  }

  EventLog tick(double ms, boolean healthy) {
    return add(ms, "TICK", "\"healthy\":" + healthy);
  }

  EventLog fault(double ms, String id, String kind) {
    return add(ms, "FAULT_INJECTED", "\"faultId\":\"" + id + "\",\"fault\":\"" + kind + "\",\"pid\":100");
  }

  EventLog unhealthy(double ms) {
    return add(ms, "UNHEALTHY", "\"reason\":\"probe failed\"");
  }

  EventLog restarted(double ms, double spawnToReadyMs) {
    return add(ms, "RESTARTED", "\"pid\":101,\"spawnToReadyMs\":" + spawnToReadyMs);
  }

  EventLog recovered(double ms, String id) {
    return add(ms, "RPC_RECOVERED", "\"faultId\":\"" + id + "\"");
  }

  EventLog clientRecovered(double ms, String id) {
    return add(ms, "CLIENT_RECOVERED", "\"faultId\":\"" + id + "\"");
  }

  EventLog workerRecovered(double ms, String id) {
    return add(ms, "WORKER_RECOVERED", "\"faultId\":\"" + id + "\"");
  }

  EventLog resources(double ms, long rss, int threads, long cpuNs, long ticks) {
    return add(ms, "RESOURCES", "\"rssBytes\":" + rss + ",\"supervisorThreads\":" + threads
        + ",\"supervisorCpuNs\":" + cpuNs + ",\"ticks\":" + ticks);
  }

  EventLog result(double ms, String outcome) {
    return add(ms, "SCENARIO_RESULT", "\"outcome\":\"" + outcome + "\",\"durationMs\":" + Math.round(ms)
        + ",\"message\":null");
  }

  List<String> lines() {
    return lines;
  }

  Path writeTo(Path dir, String fileName) throws IOException {
    Files.createDirectories(dir);
    return Files.write(dir.resolve(fileName), lines, StandardCharsets.UTF_8);
  }

  /**
   * Writes a plausible run: {@code faults} KILL faults per policy, detection at {@code detectMs}
   * (basic) or {@code detectMs / 4} (recommended), recovery {@code detectMs + 400}, ticks every
   * interval with small jitter; multiplied by {@code slowdown} for the timing parts.
   */
  static void writePlausibleRun(Path dir, double slowdown) throws IOException {
    writePlausibleRun(dir, slowdown, 0);
  }

  /**
   * Like {@link #writePlausibleRun(Path, double)}, with {@code extraBackoffMs} added before every
   * restart of the recommended policy (a policy with a longer backoff), which delays its
   * recovery but not its detection.
   */
  static void writePlausibleRun(Path dir, double slowdown, double extraBackoffMs) throws IOException {
    for (String policy : List.of("basic", "recommended")) {
      for (String kind : List.of("KILL", "SUSPEND")) {
        double interval = 250;
        EventLog log = new EventLog("crash-recovery-" + kind.toLowerCase(), "embedded", policy, interval);
        log.ready(1, 390);
        log.resources(2, 75L * 1024 * 1024, 1, 0, 0);
        double t = 10;
        double detect = ("basic".equals(policy) ? 200 : 50) * ("SUSPEND".equals(kind) ? 3 : 1) * slowdown;
        int tick = 0;
        for (int i = 0; i < 6; i++) {
          String id = kind.toLowerCase() + "-" + i;
          log.fault(t + 5, id, kind);
          log.unhealthy(t + 5 + detect);
          double backoff = "recommended".equals(policy) ? extraBackoffMs : 0;
          log.restarted(t + 5 + detect + 100 + backoff, 390 * slowdown);
          log.recovered(t + 5 + detect + 100 + backoff + 420 * slowdown, id);
          for (int k = 0; k < 12; k++) {
            double jitter = ((tick * 7919) % 11) * 0.4 * slowdown;
            log.tick(t + k * interval + jitter, true);
            tick++;
          }
          t += 12 * interval;
        }
        log.resources(t, 78L * 1024 * 1024, 1, 40_000_000L * ("basic".equals(policy) ? 1 : 2), tick);
        log.result(t + 1, "PASSED");
        log.writeTo(dir, log.scenario + "-" + policy + ".jsonl");
      }
    }
  }
}
