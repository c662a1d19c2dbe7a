package dev.supervisedtemporal.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Reads and validates a folder of event files ({@code *.jsonl}) as specified in
 * {@code docs/timing-events.md}; any violation is an {@link EventFormatException} naming the file
 * and line, and nothing is returned for the folder (no partial report).
 *
 * <p>Beyond the per-line rule of the contract (a JSON object with {@code v}, {@code t} and
 * {@code type}), a file must start with {@code RUN_META} carrying {@code scenario}, {@code backend},
 * {@code policy} and {@code checkIntervalMs}, and must end with {@code SCENARIO_RESULT}; a file
 * that stops earlier was truncated. Blank lines are ignored.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class TimingEventReader {

  /** The event schema version this reader understands. */
  static final int SUPPORTED_VERSION = TimingEvent.SCHEMA_VERSION;

  private TimingEventReader() {
  }

  /** Reads every {@code *.jsonl} file directly in {@code dir}, in file-name order. */
  public static List<TimingEventFile> readDir(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("events folder does not exist: " + dir);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no *.jsonl event files in " + dir);
    }
    List<TimingEventFile> result = new ArrayList<>();
    for (Path f : files) {
      result.add(readFile(f));
    }
    return result;
  }

  /** Reads and validates one event file. */
  public static TimingEventFile readFile(Path file) throws IOException {
    List<TimingEvent> events = new ArrayList<>();
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        events.add(parseLine(file, lineNo, line));
      }
    } catch (CharacterCodingException e) {
      throw new EventFormatException(file, lineNo + 1, "not valid UTF-8");
    }
    if (events.isEmpty()) {
      throw new EventFormatException(file, 0, "empty event file (expected RUN_META first)");
    }
    TimingEvent meta = events.get(0);
    if (!meta.is(TimingEventType.RUN_META)) {
      throw new EventFormatException(file, meta.line(),
          "first event must be RUN_META, found " + meta.type());
    }
    String scenario = required(file, meta, TimingFields.SCENARIO);
    String backend = required(file, meta, TimingFields.BACKEND);
    String policy = required(file, meta, TimingFields.POLICY);
    Double interval = meta.number(TimingFields.CHECK_INTERVAL_MS);
    if (interval == null || !(interval > 0)) {
      throw new EventFormatException(file, meta.line(),
          "RUN_META needs a positive number checkIntervalMs");
    }
    TimingEvent last = events.get(events.size() - 1);
    if (!last.is(TimingEventType.SCENARIO_RESULT)) {
      throw new EventFormatException(file, last.line(),
          "truncated: last event is " + last.type() + ", expected SCENARIO_RESULT");
    }
    for (TimingEvent e : events) {
      validateFields(file, e);
    }
    List<TimingEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(TimingEvent::t));
    return new TimingEventFile(file, scenario, backend, policy, meta, last, List.copyOf(sorted));
  }

  private static TimingEvent parseLine(Path file, int lineNo, String line) {
    Object parsed;
    try {
      parsed = Json.parse(line);
    } catch (IllegalArgumentException e) {
      throw new EventFormatException(file, lineNo, "not valid JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map)) {
      throw new EventFormatException(file, lineNo, "not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) parsed;
    Object v = map.get(TimingFields.V);
    Object t = map.get(TimingFields.T);
    Object type = map.get(TimingFields.TYPE);
    if (!(v instanceof Long)) {
      throw new EventFormatException(file, lineNo, "missing or non-integer field 'v'");
    }
    if ((Long) v != SUPPORTED_VERSION) {
      throw new EventFormatException(file, lineNo,
          "unsupported event schema version v=" + v + " (this reader knows v=" + SUPPORTED_VERSION + ")");
    }
    if (!(t instanceof Long)) {
      throw new EventFormatException(file, lineNo, "missing or non-integer field 't'");
    }
    if (!(type instanceof String) || ((String) type).isEmpty()) {
      throw new EventFormatException(file, lineNo, "missing or non-string field 'type'");
    }
    return new TimingEvent(lineNo, (Long) t, (String) type, map);
  }

  private static void validateFields(Path file, TimingEvent e) {
    TimingEventType type = e.knownType().orElse(null);
    if (type == null) {
      return;
    }
    switch (type) {
      case FAULT_INJECTED -> {
        required(file, e, TimingFields.FAULT_ID);
        required(file, e, TimingFields.FAULT);
      }
      case FAULT_HEALED, RPC_RECOVERED, CLIENT_RECOVERED, WORKER_RECOVERED, INFLIGHT_RECOVERED ->
          required(file, e, TimingFields.FAULT_ID);
      case SERVER_READY, RESTARTED -> requiredNumber(file, e, TimingFields.SPAWN_TO_READY_MS);
      case TICK -> {
        if (!(e.fields().get(TimingFields.HEALTHY) instanceof Boolean)) {
          throw new EventFormatException(file, e.line(), "TICK needs a boolean 'healthy'");
        }
      }
      case SCENARIO_RESULT -> required(file, e, TimingFields.OUTCOME);
      default -> {
        // The other types have no field a report depends on.
      }
    }
  }

  private static String required(Path file, TimingEvent e, String field) {
    String value = e.string(field);
    if (value == null || value.isEmpty()) {
      throw new EventFormatException(file, e.line(),
          e.type() + " needs a non-empty string '" + field + "'");
    }
    return value;
  }

  private static double requiredNumber(Path file, TimingEvent e, String field) {
    Double value = e.number(field);
    if (value == null || !Double.isFinite(value)) {
      throw new EventFormatException(file, e.line(), e.type() + " needs a number '" + field + "'");
    }
    return value;
  }
}
