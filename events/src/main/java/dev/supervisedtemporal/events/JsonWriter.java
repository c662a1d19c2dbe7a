package dev.supervisedtemporal.events;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes plain Java values (maps, lists, strings, numbers, booleans, null) as JSON, either on one
 * line (timing events) or indented (report files).
 *
 * <p>Doubles are written with {@link Double#toString(double)}, which reads back to the identical
 * value, except that integral values below 10^15 are written as {@code 123.0}, never in
 * exponent form. The one-line form is lenient: non-finite doubles become {@code null}, enums
 * their name, collections arrays and any other object its {@code toString()}. The indented form
 * is strict: it rejects what JSON cannot hold.
 */
final class JsonWriter {

  private final boolean indented;
  private final StringBuilder sb;

  private JsonWriter(boolean indented, StringBuilder sb) {
    this.indented = indented;
    this.sb = sb;
  }

  /** Returns {@code value} as JSON on one line, without spaces or line break. */
  static String line(Object value) {
    StringBuilder sb = new StringBuilder(160);
    new JsonWriter(false, sb).write(value, 0);
    return sb.toString();
  }

  /** Returns {@code value} as pretty-printed JSON (two-space indent, trailing newline). */
  static String indented(Object value) {
    StringBuilder sb = new StringBuilder();
    new JsonWriter(true, sb).write(value, 0);
    sb.append('\n');
    return sb.toString();
  }

  /** Returns {@code value} as a JSON string literal, quotes included. */
  static String quote(String value) {
    StringBuilder sb = new StringBuilder();
    new JsonWriter(false, sb).writeString(value);
    return sb.toString();
  }

  private void write(Object value, int indent) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String s) {
      writeString(s);
    } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
        || value instanceof Short || value instanceof Byte) {
      sb.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      writeDouble(((Number) value).doubleValue());
    } else if (value instanceof Map<?, ?> map) {
      writeMap(map, indent);
    } else if (value instanceof List<?> list) {
      writeList(list, indent);
    } else if (indented) {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    } else if (value instanceof Collection<?> items) {
      writeList(List.copyOf(items), indent);
    } else if (value instanceof Number n) {
      sb.append(n);
    } else if (value instanceof Enum<?> e) {
      writeString(e.name());
    } else {
      writeString(value.toString());
    }
  }

  private void writeDouble(double d) {
    if (!Double.isFinite(d)) {
      if (indented) {
        throw new IllegalArgumentException("JSON cannot hold " + d);
      }
      sb.append("null");
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      sb.append((long) d).append(".0");
    } else {
      sb.append(d);
    }
  }

  private void writeMap(Map<?, ?> map, int indent) {
    if (map.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append(indented ? "{\n" : "{");
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      pad(indent + 1);
      writeString(String.valueOf(e.getKey()));
      sb.append(indented ? ": " : ":");
      write(e.getValue(), indent + 1);
      if (indented) {
        sb.append(it.hasNext() ? ",\n" : "\n");
      } else if (it.hasNext()) {
        sb.append(',');
      }
    }
    pad(indent);
    sb.append('}');
  }

  private void writeList(List<?> list, int indent) {
    if (list.isEmpty()) {
      sb.append("[]");
      return;
    }
    boolean flat = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
    boolean numericPairs = list.stream().allMatch(v -> v instanceof List && ((List<?>) v).size() <= 2
        && ((List<?>) v).stream().allMatch(x -> x instanceof Number));
    if (!indented || flat || numericPairs) {
      // One line: "[a, b]" in indented files (pairs of numbers too), "[a,b]" in timing events.
      String comma = indented ? ", " : ",";
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(comma);
        }
        Object v = list.get(i);
        if (indented && v instanceof List) {
          writeFlat((List<?>) v);
        } else {
          write(v, indent);
        }
      }
      sb.append(']');
      return;
    }
    sb.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      pad(indent + 1);
      write(list.get(i), indent + 1);
      sb.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    pad(indent);
    sb.append(']');
  }

  private void writeFlat(List<?> list) {
    sb.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      write(list.get(i), 0);
    }
    sb.append(']');
  }

  private void writeString(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          // Control characters, and the line separators JavaScript readers choke on.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private void pad(int indent) {
    if (indented) {
      for (int i = 0; i < indent; i++) {
        sb.append("  ");
      }
    }
  }
}
