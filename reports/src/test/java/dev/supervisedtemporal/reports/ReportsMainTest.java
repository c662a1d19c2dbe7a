package dev.supervisedtemporal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsMainTest {

  @TempDir
  Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return ReportsMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("render --events DIR --out DIR", "update-baseline", "Exit status");
  }

  @Test
  void usageErrorsExitTwoWithAClearMessage() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err()).contains("unknown command 'frobnicate'");
    assertThat(run("render", "--events", tmp.toString(), "--colour", "red")).isEqualTo(2);
    assertThat(err()).contains("unknown option '--colour'");
    assertThat(run("render", "--events")).isEqualTo(2);
    assertThat(err()).contains("--events needs a value");
    assertThat(run("render", "--events", tmp.resolve("nope").toString(), "--out", "x")).isEqualTo(2);
    assertThat(err()).contains("not a directory");
    assertThat(run("check", "--report", "r.json")).isEqualTo(2);
  }

  @Test
  void renderCheckAndUpdateBaselineEndToEnd() throws Exception {
    Path events = tmp.resolve("events");
    EventLog.writePlausibleRun(events, 1.0);
    Path outDir = tmp.resolve("out");
    assertThat(run("render", "--events", events.toString(), "--out", outDir.toString())).isZero();
    for (String f : List.of("report.json", "report.md", "report.html")) {
      assertThat(outDir.resolve(f)).isNotEmptyFile();
    }
    Path baseline = tmp.resolve("baseline.json");
    String report = outDir.resolve("report.json").toString();
    assertThat(run("update-baseline", "--report", report, "--baseline", baseline.toString())).isZero();
    assertThat(run("check", "--report", report, "--baseline", baseline.toString())).isZero();
    assertThat(out()).contains("Baseline check PASSED");

    Path slowEvents = tmp.resolve("slow");
    EventLog.writePlausibleRun(slowEvents, 3.0);
    Path slowOut = tmp.resolve("slow-out");
    assertThat(run("render", "--events", slowEvents.toString(), "--out", slowOut.toString(),
        "--baseline", baseline.toString())).isEqualTo(1);
    assertThat(out()).contains("Baseline check FAILED", "REGRESSED", "detectionLatencyPerInterval.p50");
  }

  @Test
  void malformedEventsExitThreeAndWriteNothing() throws Exception {
    Path events = tmp.resolve("events");
    EventLog.writePlausibleRun(events, 1.0);
    Path bad = events.resolve("zz-bad.jsonl");
    Files.writeString(bad, "{\"v\":1,\"t\":1,\"type\":\"RUN_META\",\"scenario\":\"s\",\"backend\":\"embedded\","
        + "\"policy\":\"basic\",\"checkIntervalMs\":100}\n{\"v\":1,\"t\":2,\"type\":\"TI", StandardCharsets.UTF_8);
    Path outDir = tmp.resolve("out");
    assertThat(run("render", "--events", events.toString(), "--out", outDir.toString())).isEqualTo(3);
    assertThat(err()).contains("zz-bad.jsonl:2", "not valid JSON");
    assertThat(outDir).doesNotExist();
  }

  @Test
  void compareTwoReportsPrintsTheDeltas() throws Exception {
    EventLog.writePlausibleRun(tmp.resolve("a"), 1.0);
    EventLog.writePlausibleRun(tmp.resolve("b"), 2.0);
    assertThat(run("render", "--events", tmp.resolve("a").toString(), "--out", tmp.resolve("ra").toString(),
        "--history-dir", tmp.resolve("h").toString(), "--history-keep", "3")).isZero();
    assertThat(out()).contains("history: 1 run(s)");
    assertThat(run("render", "--events", tmp.resolve("b").toString(), "--out", tmp.resolve("rb").toString(),
        "--history-dir", tmp.resolve("h").toString(), "--history-keep", "3")).isZero();
    assertThat(out()).contains("history: 2 run(s)");
    assertThat(run("compare", "--base", tmp.resolve("ra/report.json").toString(), "--current",
        tmp.resolve("rb/report.json").toString())).isZero();
    assertThat(out()).contains("crash detection (ms)", "+100.0 %");
    assertThat(run("render", "--events", tmp.resolve("a").toString(), "--out", tmp.resolve("rc").toString(),
        "--history-keep", "3")).isEqualTo(2);
    assertThat(err()).contains("--history-keep needs --history-dir");
    assertThat(run("render", "--events", tmp.resolve("a").toString(), "--out", tmp.resolve("rc").toString(),
        "--history-dir", tmp.resolve("h").toString(), "--history-keep", "0")).isEqualTo(2);
    assertThat(err()).contains("--history-keep", "a whole number >= 1");
  }
}
