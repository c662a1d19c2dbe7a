package dev.supervisedtemporal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes every event type with every field it declares, reads the file back with the reader
 * reports uses, and expects each event exactly as written.
 */
class TimingEventRoundTripTest {

  private static final Instant WALL = Instant.parse("2026-01-02T03:04:05.123456789Z");

  @TempDir
  Path dir;

  /** A value of the field's kind; optional fields are null when {@code nulls} is set. */
  private static Object valueFor(TimingEventType type, TimingField field, int i, boolean nulls) {
    if (nulls && !field.required()) {
      return null;
    }
    return switch (field.kind()) {
      case STRING -> type.name().toLowerCase() + " \"" + field.name() + "\"\n\\ ü " + i;
      case INTEGER -> 1_000_000_007L * (i + 1);
      case NUMBER -> i + 0.25;
      case BOOLEAN -> i % 2 == 0;
      case LIST -> List.of((long) i, "f-" + i);
    };
  }

  private List<Map<String, Object>> writeEveryType(Path file, boolean nulls) throws Exception {
    List<TimingEventType> order = new ArrayList<>(List.of(TimingEventType.values()));
    // The reader's file rule: RUN_META first, SCENARIO_RESULT last.
    order.remove(TimingEventType.RUN_META);
    order.remove(TimingEventType.SCENARIO_RESULT);
    order.add(0, TimingEventType.RUN_META);
    order.add(TimingEventType.SCENARIO_RESULT);
    List<String> lines = new ArrayList<>();
    List<Map<String, Object>> written = new ArrayList<>();
    int i = 0;
    for (TimingEventType type : order) {
      Map<String, Object> own = new LinkedHashMap<>();
      for (TimingField field : type.fields()) {
        own.put(field.name(), valueFor(type, field, i, nulls));
      }
      lines.add(TimingEvent.line(1_000L * i, WALL, type.name(), "Scenario \"x\"", "embedded",
          "basic", own));
      written.add(own);
      i++;
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return written;
  }

  private void roundTrip(boolean nulls) throws Exception {
    Path file = dir.resolve(nulls ? "nulls.jsonl" : "full.jsonl");
    List<Map<String, Object>> written = writeEveryType(file, nulls);

    TimingEventFile read = TimingEventReader.readFile(file);

    assertThat(read.scenario()).isEqualTo("Scenario \"x\"");
    assertThat(read.backend()).isEqualTo("embedded");
    assertThat(read.policy()).isEqualTo("basic");
    assertThat(read.events()).hasSize(TimingEventType.values().length);
    for (int i = 0; i < read.events().size(); i++) {
      TimingEvent e = read.events().get(i);
      TimingEventType type = e.knownType().orElseThrow();
      assertThat(e.line()).isEqualTo(i + 1);
      assertThat(e.t()).isEqualTo(1_000L * i);
      Map<String, Object> own = new LinkedHashMap<>(e.fields());
      assertThat(own).containsEntry(TimingFields.V, 1L).containsEntry(TimingFields.WALL,
          WALL.toString());
      TimingFields.COMMON.forEach(own::remove);
      assertThat(own).as("%s read back", type).isEqualTo(written.get(i));
      assertThat(own.keySet()).as("%s field order", type).containsExactlyElementsOf(
          type.fields().stream().map(TimingField::name).toList());
      assertThat(type.check(e.fields())).as("%s conforms", type).isEmpty();
    }
  }

  @Test
  void everyTypeWithEveryFieldReadsBackAsWritten() throws Exception {
    roundTrip(false);
  }

  @Test
  void optionalFieldsReadBackAsNull() throws Exception {
    roundTrip(true);
  }

  @Test
  void checkNamesUndeclaredFieldsWrongKindsAndMissingRequiredOnes() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(TimingFields.TYPE, "RESTARTED");
    fields.put(TimingFields.PID, "not a number");
    fields.put("extra", 1);
    assertThat(TimingEventType.RESTARTED.check(fields)).containsExactly(
        "RESTARTED.pid should be INTEGER, is not a number",
        "RESTARTED does not declare field 'extra'",
        "RESTARTED lacks required field 'spawnToReadyMs'");
    assertThat(TimingEventType.of("SOMETHING_NEW")).isEmpty();
    assertThat(TimingEventType.of("TICK")).contains(TimingEventType.TICK);
  }
}
