package dev.supervisedtemporal.lifecycle.settings;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads and writes durations as text: {@code 250ms}, {@code 5s}, {@code 1m}, {@code 2h} or
 * ISO-8601 ({@code PT0.25S}). The one parser of duration settings, wherever they are written.
 */
@API(status = INTERNAL)
public final class DurationText {

  /** What {@link #parse} accepts, for error messages. */
  public static final String ACCEPTED =
      "a positive duration such as 250ms, 5s, 1m, 2h or ISO-8601 (PT0.25S)";

  private static final Pattern SIMPLE = Pattern.compile("(-?\\d{1,18})\\s*(ms|s|m|h)");

  private DurationText() {}

  /**
   * The positive duration the text describes, or empty when it is not a duration or not positive.
   */
  public static Optional<Duration> parse(String text) {
    return parseAny(text).filter(d -> !d.isZero() && !d.isNegative());
  }

  /**
   * The positive duration the text describes.
   *
   * @param setting the setting's name, for the message
   * @throws InvalidSettingException naming the setting, the text and what is accepted
   */
  public static Duration parse(String setting, String text) {
    return parse(text).orElseThrow(() -> new InvalidSettingException(setting,
        "'" + text + "'", problem(text), ACCEPTED));
  }

  /** What is wrong with text that {@link #parse} rejects: "is not positive" or "is not a duration". */
  public static String problem(String text) {
    return parseAny(text).isPresent() ? "is not positive" : "is not a duration";
  }

  /** The duration the text describes, of any sign, or empty when it is not a duration. */
  private static Optional<Duration> parseAny(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    Duration d = null;
    Matcher m = SIMPLE.matcher(t);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      try {
        d = switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
    } else if (t.startsWith("p") || t.startsWith("-p")) {
      try {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(d);
  }

  /** Short text for a duration, in the same style the parser reads ({@code 250ms}, {@code 5s}). */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0 && ms > 0) {
      return ms / 1000 + "s";
    }
    return d.toNanos() % 1_000_000 == 0 ? ms + "ms" : d.toString();
  }
}
