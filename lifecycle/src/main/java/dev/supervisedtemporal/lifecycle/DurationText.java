package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads a duration written as text the way every setting of the project does: a whole number
 * with a unit ({@code 250ms}, {@code 5s}, {@code 1m}, {@code 2h}) or ISO-8601 ({@code PT0.25S}).
 */
@API(status = INTERNAL, since = "0.1.0")
public final class DurationText {

  /** What {@link #parse} accepts, for error messages. */
  public static final String ACCEPTED =
      "a positive duration such as 250ms, 5s, 1m, 2h or ISO-8601 (PT0.25S)";

  private static final Pattern WITH_UNIT = Pattern.compile("(-?\\d{1,18})\\s*(ms|s|m|h)");

  private DurationText() {}

  /** The positive duration the text describes; empty when it is no duration or not positive. */
  public static Optional<Duration> parse(String text) {
    return read(text).filter(d -> !d.isZero() && !d.isNegative());
  }

  /**
   * The positive duration the text describes.
   *
   * @param setting the setting's name, for the error
   * @throws IllegalArgumentException naming the setting, the value and what is accepted
   */
  public static Duration require(String setting, String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException(setting + " = '" + text
        + "' " + (read(text).isPresent() ? "is not positive" : "is not a duration")
        + "; accepted: " + ACCEPTED));
  }

  private static Optional<Duration> read(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = WITH_UNIT.matcher(t);
    try {
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        });
      }
      if (t.startsWith("p") || t.startsWith("-p")) {
        return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
      }
    } catch (ArithmeticException | DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
