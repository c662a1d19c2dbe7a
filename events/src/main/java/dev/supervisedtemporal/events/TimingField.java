package dev.supervisedtemporal.events;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Declares one field of a timing event type: its name, the kind of JSON value it holds, and
 * whether it is always there.
 *
 * @param name the field's name in the JSON line (one of {@link TimingFields})
 * @param kind the kind of value
 * @param required true when every event of the type carries it with a non-null value; false when
 *     it may be absent or null
 */
@API(status = STABLE, since = "0.1.0")
public record TimingField(String name, Kind kind, boolean required) {

  /** The kinds of JSON value a field holds. */
  @API(status = STABLE, since = "0.1.0")
  public enum Kind {
    /** A JSON string. */
    STRING,
    /** A JSON number without fraction (read back as {@code Long}). */
    INTEGER,
    /** Any JSON number (read back as {@code Long} or {@code Double}). */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A JSON array. */
    LIST
  }

  /** Checks the name and kind are present. */
  public TimingField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /** A field every event of the type carries. */
  static TimingField required(String name, Kind kind) {
    return new TimingField(name, kind, true);
  }

  /** A field that may be absent or null. */
  static TimingField optional(String name, Kind kind) {
    return new TimingField(name, kind, false);
  }

  /** Whether {@code value}, as parsed from JSON or as given to the writer, fits this field. */
  public boolean accepts(Object value) {
    if (value == null) {
      return !required;
    }
    return switch (kind) {
      case STRING -> value instanceof String;
      case INTEGER -> value instanceof Long || value instanceof Integer || value instanceof Short
          || value instanceof Byte;
      case NUMBER -> value instanceof Number;
      case BOOLEAN -> value instanceof Boolean;
      case LIST -> value instanceof List;
    };
  }
}
