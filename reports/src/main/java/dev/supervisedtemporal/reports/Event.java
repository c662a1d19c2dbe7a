package dev.supervisedtemporal.reports;

import java.util.Map;

/**
 * Holds one parsed timing event: its position (for error messages), the common fields, and the
 * raw JSON object for the type-specific fields.
 */
record Event(int line, long t, String type, Map<String, Object> fields) {

  /** Returns the string field {@code name}, or {@code null} when absent or not a string. */
  String string(String name) {
    Object v = fields.get(name);
    return v instanceof String ? (String) v : null;
  }

  /** Returns the numeric field {@code name} as a double, or {@code null} when absent or not a number. */
  Double number(String name) {
    Object v = fields.get(name);
    return v instanceof Number ? ((Number) v).doubleValue() : null;
  }
}
