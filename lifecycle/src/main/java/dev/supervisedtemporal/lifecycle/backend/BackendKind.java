package dev.supervisedtemporal.lifecycle.backend;

import static org.apiguardian.api.API.Status.STABLE;

import dev.supervisedtemporal.lifecycle.settings.InvalidSettingException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** The kinds of Temporal server the harness can run or watch. */
@API(status = STABLE, since = "0.1.0")
public enum BackendKind {
  /** The Temporal CLI dev server when one is installed, else the embedded server. */
  AUTO,
  /** The Temporal Java test server in a child JVM; always available. */
  EMBEDDED,
  /** {@code temporal server start-dev} from the Temporal CLI. */
  CLI,
  /** A server the harness watches but does not own. */
  EXTERNAL;

  /**
   * Parses a name case-insensitively.
   *
   * @throws InvalidSettingException naming the accepted values
   */
  public static BackendKind parse(String setting, String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidSettingException(setting, "'" + value + "'", "is not a backend",
          Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", ")));
    }
  }
}
