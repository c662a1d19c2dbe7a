package dev.supervisedtemporal.events;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Reads and writes JSON text as plain Java values, without any library: the one JSON
 * implementation of the timing-event writer and of the reports.
 *
 * <p>Values are {@code Map<String,Object>} (insertion ordered), {@code List<Object>},
 * {@code String}, {@code Long} or {@code Integer}, {@code Double}, {@code Boolean} and
 * {@code null}; {@link #parse} returns integral numbers as {@code Long} and others as
 * {@code Double}.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Json {

  private Json() {
  }

  /**
   * Returns {@code value} as JSON on one line (a timing event's form): no spaces, no line break.
   * Lenient: a non-finite double becomes {@code null}, an enum its name, any collection an array
   * and any other object its {@code toString()}.
   */
  public static String line(Object value) {
    return JsonWriter.line(value);
  }

  /**
   * Returns {@code value} as indented JSON (two spaces, trailing newline; the form of
   * {@code report.json} and {@code baseline.json}).
   *
   * @throws IllegalArgumentException for a non-finite double or a value JSON cannot hold
   */
  public static String indented(Object value) {
    return JsonWriter.indented(value);
  }

  /** Returns {@code value} as a JSON string literal, quotes included. */
  public static String quote(String value) {
    return JsonWriter.quote(value);
  }

  /**
   * Parses one JSON text (strict RFC 8259).
   *
   * @throws IllegalArgumentException naming the column when the text is not valid JSON
   */
  public static Object parse(String text) {
    return JsonParser.parse(text);
  }
}
