package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.chaos.ChaosEvent;
import dev.supervisedtemporal.chaos.ChaosEventType;
import dev.supervisedtemporal.chaos.FaultKind;
import dev.supervisedtemporal.events.TimingEvent;
import dev.supervisedtemporal.events.TimingEventFile;
import dev.supervisedtemporal.events.TimingEventReader;
import dev.supervisedtemporal.events.TimingEventType;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingEventWriterTest {

  @TempDir
  Path dir;

  @Test
  void writesCommonFieldsFirstThenTheEventsOwn() throws Exception {
    Path file = dir.resolve("events/run.jsonl");
    try (TimingEventWriter w = TimingEventWriter.open(file, "PaymentsIT", "embedded", "basic")) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("faultId", "f1");
      fields.put("fault", "KILL");
      fields.put("pid", 42L);
      w.write("FAULT_INJECTED", 123L, Instant.parse("2024-01-02T03:04:05Z"), fields);
    }
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
        "{\"v\":1,\"t\":123,\"wall\":\"2024-01-02T03:04:05Z\",\"type\":\"FAULT_INJECTED\","
            + "\"scenario\":\"PaymentsIT\",\"backend\":\"embedded\",\"policy\":\"basic\","
            + "\"faultId\":\"f1\",\"fault\":\"KILL\",\"pid\":42}");
  }

  @Test
  void escapesStringsAndWritesNullsNumbersAndBooleans() throws Exception {
    Path file = dir.resolve("escape.jsonl");
    try (TimingEventWriter w = TimingEventWriter.open(file, "a\"b\\c", "cli", "custom")) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("reason", "line1\nline2\t\"quoted\" \u0001 \u2028 ünï");
      fields.put("message", null);
      fields.put("ok", true);
      fields.put("ms", 1.5);
      fields.put("nan", Double.NaN);
      fields.put("list", List.of(1, "x"));
      w.write("X", 1L, Instant.EPOCH, fields);
    }
    String line = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(line).contains("\"scenario\":\"a\\\"b\\\\c\"")
        .contains("\"reason\":\"line1\\nline2\\t\\\"quoted\\\" \\u0001 \\u2028 ünï\"")
        .contains("\"message\":null,\"ok\":true,\"ms\":1.5,\"nan\":null,\"list\":[1,\"x\"]")
        .endsWith("}\n");
    assertThat(line.split("\n")).hasSize(1);
  }

  @Test
  void mapsSupervisorEventsToTheirTimingFields() throws Exception {
    Path file = dir.resolve("sup.jsonl");
    Instant at = Instant.parse("2024-01-01T00:00:00Z");
    try (TimingEventWriter w = TimingEventWriter.open(file, "S", "embedded", "recommended")) {
      w.runMeta(5L, SupervisorPolicy.recommended(), 1.0, null);
      w.write(new SupervisorEvent(SupervisorEventType.TICK, 10, at, 7, true, 0, Duration.ZERO, ""));
      w.write(new SupervisorEvent(SupervisorEventType.UNHEALTHY, 11, at, 7, false, 0,
          Duration.ZERO, "PROCESS_ALIVE failed"));
      w.write(new SupervisorEvent(SupervisorEventType.BACKOFF, 12, at, 7, false, 1,
          Duration.ofMillis(100), ""));
      w.write(new SupervisorEvent(SupervisorEventType.RESTART_ATTEMPT, 13, at, 7, false, 1,
          Duration.ZERO, ""));
      w.write(new SupervisorEvent(SupervisorEventType.RESTARTED, 14, at, 8, false, 1,
          Duration.ofMillis(390), ""));
      w.scenarioResult(20L, TimingEventWriter.Outcome.PASSED, Duration.ofMillis(1500), null);
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).startsWith("{\"v\":1,\"t\":5,").contains("\"type\":\"RUN_META\"",
        "\"checkIntervalMs\":250.0", "\"probeTimeoutMs\":500.0", "\"backoffMs\":100.0",
        "\"policyScale\":1.0", "\"jdk\":", "\"host\":", "\"seed\":null");
    assertThat(lines.get(1)).contains("\"type\":\"TICK\"").endsWith("\"healthy\":true}");
    assertThat(lines.get(2)).endsWith("\"type\":\"UNHEALTHY\",\"scenario\":\"S\",\"backend\":"
        + "\"embedded\",\"policy\":\"recommended\",\"reason\":\"PROCESS_ALIVE failed\"}");
    assertThat(lines.get(3)).endsWith("\"delayMs\":100.0}");
    assertThat(lines.get(4)).endsWith("\"attempt\":1}");
    assertThat(lines.get(5)).endsWith("\"pid\":8,\"spawnToReadyMs\":390.0}");
    assertThat(lines.get(6)).contains("\"type\":\"SCENARIO_RESULT\"")
        .endsWith("\"outcome\":\"PASSED\",\"durationMs\":1500,\"message\":null}");
  }

  @Test
  void everySupervisorAndChaosEventIsATimingEventTheReaderAccepts() throws Exception {
    Path file = dir.resolve("all.jsonl");
    Instant at = Instant.parse("2024-01-01T00:00:00Z");
    long t = 0;
    try (TimingEventWriter w = TimingEventWriter.open(file, "S", "cli", "basic")) {
      w.runMeta(t++, SupervisorPolicy.basic(), 1.0, 42L);
      w.serverReady(t++, 7, Duration.ofMillis(390), true);
      for (SupervisorEventType type : SupervisorEventType.values()) {
        w.write(new SupervisorEvent(type, t++, at, 7, true, 3, Duration.ofMillis(100), "why"));
      }
      for (ChaosEventType type : ChaosEventType.values()) {
        w.write(new ChaosEvent(type, t++, at, "f1", FaultKind.STEAL_PORT, 7, 9, "done"));
      }
      w.write(new ChaosEvent(ChaosEventType.RPC_RECOVERED, t++, at, "f1", FaultKind.KILL, 8, -1, ""));
      w.leak(t++, "a thread");
      w.scenarioResult(t, TimingEventWriter.Outcome.FAILED, Duration.ofSeconds(2), "boom");
    }

    TimingEventFile read = TimingEventReader.readFile(file);

    EnumSet<TimingEventType> seen = EnumSet.noneOf(TimingEventType.class);
    for (TimingEvent e : read.events()) {
      TimingEventType type = e.knownType().orElseThrow(
          () -> new AssertionError("not a TimingEventType: " + e.type()));
      assertThat(type.check(e.fields())).as("line %d", e.line()).isEmpty();
      seen.add(type);
    }
    assertThat(seen).contains(TimingEventType.RUN_META, TimingEventType.SERVER_READY,
        TimingEventType.LEAK, TimingEventType.SCENARIO_RESULT);
    assertThat(seen).extracting(Enum::name).containsAll(
        Arrays.stream(SupervisorEventType.values()).map(Enum::name).toList())
        .containsAll(Arrays.stream(ChaosEventType.values()).map(Enum::name).toList());
  }

  @Test
  void refusesFieldsThatRepeatCommonOnes() throws Exception {
    try (TimingEventWriter w = TimingEventWriter.open(dir.resolve("x.jsonl"), "S", "cli", "basic")) {
      assertThatThrownBy(() -> w.write("X", 1L, Map.of("type", "Y")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("field 'type' of a X event repeats a common field");
    }
  }

  @Test
  void defaultFolderFollowsTheBuildDirProperty() {
    String before = System.getProperty(TimingEventWriter.BUILD_DIR_PROPERTY);
    try {
      System.setProperty(TimingEventWriter.BUILD_DIR_PROPERTY, "/tmp/build");
      assertThat(TimingEventWriter.defaultEventsDir())
          .isEqualTo(Path.of("/tmp/build/supervised-temporal/events"));
      System.clearProperty(TimingEventWriter.BUILD_DIR_PROPERTY);
      assertThat(TimingEventWriter.defaultEventsDir())
          .isEqualTo(Path.of("target/supervised-temporal/events"));
    } finally {
      if (before != null) {
        System.setProperty(TimingEventWriter.BUILD_DIR_PROPERTY, before);
      }
    }
    assertThat(TimingEventWriter.fileNameFor("a.B$C d/e")).isEqualTo("a.B$C_d_e.jsonl");
    assertThat(Arrays.asList(TimingEventWriter.Outcome.values())).hasSize(3);
  }
}
