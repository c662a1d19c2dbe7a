package dev.supervisedtemporal.extension;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** Writes JSON text by hand: objects, arrays, strings, numbers, booleans and null. */
final class Json {

  private Json() {}

  /** Appends the JSON form of a value; unknown types are written as their {@code toString()}. */
  static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        out.append("null");
      } else {
        out.append(d);
      }
    } else if (value instanceof Number n) {
      out.append(n);
    } else if (value instanceof Map<?, ?> map) {
      object(out, map);
    } else if (value instanceof Collection<?> items) {
      out.append('[');
      Iterator<?> it = items.iterator();
      while (it.hasNext()) {
        append(out, it.next());
        if (it.hasNext()) {
          out.append(',');
        }
      }
      out.append(']');
    } else if (value instanceof Enum<?> e) {
      string(out, e.name());
    } else {
      string(out, value.toString());
    }
  }

  /** Appends a JSON object of the map's entries, in the map's iteration order. */
  static void object(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, String.valueOf(entry.getKey()));
      out.append(':');
      append(out, entry.getValue());
    }
    out.append('}');
  }

  /** Appends a JSON string literal, escaping quotes, backslashes and control characters. */
  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          // Control characters, and the line separators JavaScript readers choke on.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
