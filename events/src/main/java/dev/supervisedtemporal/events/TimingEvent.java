package dev.supervisedtemporal.events;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Holds one timing event as read from a file: its line (for error messages), the common fields
 * {@code t} and {@code type}, and the whole JSON object for the other fields; {@link #line(long,
 * Instant, String, String, String, String, Map)} writes the line it is read from.
 *
 * @param line the 1-based line in its file (0 for an event not read from a file)
 * @param t monotonic time in nanoseconds
 * @param type the type's name: a {@link TimingEventType} or a newer type this version ignores
 * @param fields every field of the line, the common ones included, in the line's order
 */
@API(status = STABLE, since = "0.1.0")
public record TimingEvent(int line, long t, String type, Map<String, Object> fields) {

  /** The schema version written in, and expected of, every line's {@code v} field. */
  public static final int SCHEMA_VERSION = 1;

  /** Checks the type and fields are present. */
  public TimingEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(fields, "fields");
  }

  /**
   * Returns one event as its JSON line (without line break): the common fields ({@code v},
   * {@code t}, {@code wall}, {@code type}, {@code scenario}, {@code backend}, {@code policy})
   * then the event's own fields in the map's order.
   *
   * @param own the event's own fields; values as {@link Json#line(Object)} takes them
   * @throws IllegalArgumentException when a field repeats one of the common fields
   */
  public static String line(long t, Instant wall, String type, String scenario, String backend,
      String policy, Map<String, ?> own) {
    for (String key : own.keySet()) {
      if (TimingFields.COMMON.contains(key)) {
        throw new IllegalArgumentException("field '" + key + "' of a " + type
            + " event repeats a common field; accepted: any name but " + TimingFields.COMMON);
      }
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put(TimingFields.V, SCHEMA_VERSION);
    line.put(TimingFields.T, t);
    line.put(TimingFields.WALL, wall.toString());
    line.put(TimingFields.TYPE, type);
    line.put(TimingFields.SCENARIO, scenario);
    line.put(TimingFields.BACKEND, backend);
    line.put(TimingFields.POLICY, policy);
    line.putAll(own);
    return Json.line(line);
  }

  /** The type, when this version knows it. */
  public Optional<TimingEventType> knownType() {
    return TimingEventType.of(type);
  }

  /** Whether this event is of {@code expected} type. */
  public boolean is(TimingEventType expected) {
    return expected.name().equals(type);
  }

  /** Returns the string field {@code name}, or {@code null} when absent or not a string. */
  public String string(String name) {
    Object v = fields.get(name);
    return v instanceof String ? (String) v : null;
  }

  /** Returns the numeric field {@code name} as a double, or {@code null} when absent or not a number. */
  public Double number(String name) {
    Object v = fields.get(name);
    return v instanceof Number ? ((Number) v).doubleValue() : null;
  }
}
