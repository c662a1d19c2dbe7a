package dev.supervisedtemporal.reports;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes plain Java values (maps, lists, strings, numbers, booleans, null) as indented JSON.
 *
 * <p>Doubles are written with {@link Double#toString(double)}, which reads back to the identical
 * value; non-finite doubles are rejected because JSON cannot express them.
 */
final class JsonWriter {

  private JsonWriter() {
  }

  /** Returns {@code value} as pretty-printed JSON (two-space indent, trailing newline). */
  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    sb.append('\n');
    return sb.toString();
  }

  /** Returns {@code value} as a JSON string literal, quotes included. */
  static String quote(String value) {
    StringBuilder sb = new StringBuilder();
    writeString(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object value, int indent) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String) {
      writeString(sb, (String) value);
    } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      sb.append(value);
    } else if (value instanceof Double) {
      double d = (Double) value;
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("JSON cannot hold " + d);
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        sb.append((long) d).append(".0");
      } else {
        sb.append(d);
      }
    } else if (value instanceof Map) {
      writeMap(sb, (Map<?, ?>) value, indent);
    } else if (value instanceof List) {
      writeList(sb, (List<?>) value, indent);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  private static void writeMap(StringBuilder sb, Map<?, ?> map, int indent) {
    if (map.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append("{\n");
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      pad(sb, indent + 1);
      writeString(sb, String.valueOf(e.getKey()));
      sb.append(": ");
      write(sb, e.getValue(), indent + 1);
      sb.append(it.hasNext() ? ",\n" : "\n");
    }
    pad(sb, indent);
    sb.append('}');
  }

  private static void writeList(StringBuilder sb, List<?> list, int indent) {
    if (list.isEmpty()) {
      sb.append("[]");
      return;
    }
    boolean flat = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
    boolean numericPairs = list.stream().allMatch(v -> v instanceof List && ((List<?>) v).size() <= 2
        && ((List<?>) v).stream().allMatch(x -> x instanceof Number));
    if (flat || numericPairs) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        Object v = list.get(i);
        if (v instanceof List) {
          writeFlat(sb, (List<?>) v);
        } else {
          write(sb, v, indent);
        }
      }
      sb.append(']');
      return;
    }
    sb.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      pad(sb, indent + 1);
      write(sb, list.get(i), indent + 1);
      sb.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    pad(sb, indent);
    sb.append(']');
  }

  private static void writeFlat(StringBuilder sb, List<?> list) {
    sb.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      write(sb, list.get(i), 0);
    }
    sb.append(']');
  }

  private static void writeString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  private static void pad(StringBuilder sb, int indent) {
    for (int i = 0; i < indent; i++) {
      sb.append("  ");
    }
  }
}
