package dev.supervisedtemporal.lifecycle.settings;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The rules of the server settings that more than one place accepts (the manager's builder, the
 * backends, the JUnit extension): each checks a value and throws an
 * {@link InvalidSettingException} naming the setting, the value, the problem and what is
 * accepted. The accepted texts are the ones messages and the READMEs show.
 */
@API(status = INTERNAL)
public final class SettingRules {

  /** The largest number of warm standbys: each is a server JVM. */
  public static final int MAX_STANDBY_COUNT = 8;

  /** What a server port accepts. */
  public static final String PORT_ACCEPTED = "an integer 0-65535 (0 picks a free port)";
  /** What the Web UI port accepts. */
  public static final String UI_PORT_ACCEPTED =
      "an integer 1-65535, or 0 for no UI (headless, the default)";
  /** What a namespace name accepts. */
  public static final String NAMESPACE_ACCEPTED =
      "1-255 letters, digits, '.', '_' or '-', starting with a letter or digit";
  /** What an external server's address accepts. */
  public static final String TARGET_ACCEPTED =
      "host:port with port 1-65535, e.g. 127.0.0.1:7233";
  /** What the Temporal CLI binary accepts. */
  public static final String CLI_PATH_ACCEPTED = "the path of an executable Temporal CLI binary";
  /** What a duration given as a {@link Duration} accepts (text: {@link DurationText#ACCEPTED}). */
  public static final String POSITIVE_DURATION_ACCEPTED = "a positive duration";
  /** What the number of warm standbys accepts. */
  public static final String STANDBY_COUNT_ACCEPTED =
      "an integer 1-" + MAX_STANDBY_COUNT + ": warm standbys kept at once";

  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

  private SettingRules() {}

  /**
   * An address {@code host:port}.
   *
   * @param host the host part
   * @param port the port part, 1-65535
   */
  @API(status = INTERNAL)
  public record Target(String host, int port) {}

  /** Checks a server port, 0-65535 (0: pick a free one). */
  public static int port(String setting, int port) {
    if (port < 0 || port > 65535) {
      throw new InvalidSettingException(setting, String.valueOf(port), "is out of range",
          PORT_ACCEPTED);
    }
    return port;
  }

  /** Checks the Web UI port, 1-65535, or 0 for none. */
  public static int uiPort(String setting, int port) {
    if (port < 0 || port > 65535) {
      throw new InvalidSettingException(setting, String.valueOf(port), "is out of range",
          UI_PORT_ACCEPTED);
    }
    return port;
  }

  /** Whether the text is a namespace name. */
  public static boolean isNamespace(String name) {
    return name != null && NAMESPACE.matcher(name).matches();
  }

  /** Checks a namespace name. */
  public static String namespace(String setting, String name) {
    if (!isNamespace(name)) {
      throw new InvalidSettingException(setting, quoted(name), "is not a namespace name",
          NAMESPACE_ACCEPTED);
    }
    return name;
  }

  /** Reads an address {@code host:port}, the port 1-65535. */
  public static Target target(String setting, String target) {
    int colon = target == null ? -1 : target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1) {
      throw new InvalidSettingException(setting, quoted(target), "is not an address",
          TARGET_ACCEPTED);
    }
    int port;
    try {
      port = Integer.parseInt(target.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(setting, quoted(target), "has no numeric port",
          TARGET_ACCEPTED, e);
    }
    if (port < 1 || port > 65535) {
      throw new InvalidSettingException(setting, quoted(target), "has a port out of range",
          TARGET_ACCEPTED);
    }
    return new Target(target.substring(0, colon), port);
  }

  /** Checks that the path names an executable file (a Temporal CLI binary). */
  public static Path cliPath(String setting, Path path) {
    if (path == null || !Files.isRegularFile(path) || !Files.isExecutable(path)) {
      throw new InvalidSettingException(setting, quoted(path), "is not an executable file",
          CLI_PATH_ACCEPTED);
    }
    return path;
  }

  /** Checks that a duration is positive. */
  public static Duration positive(String setting, Duration duration) {
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new InvalidSettingException(setting, String.valueOf(duration), "is not positive",
          POSITIVE_DURATION_ACCEPTED);
    }
    return duration;
  }

  /** Checks a number of warm standbys, 1 to {@value #MAX_STANDBY_COUNT}. */
  public static int standbyCount(String setting, int count) {
    if (count < 1 || count > MAX_STANDBY_COUNT) {
      throw new InvalidSettingException(setting, String.valueOf(count), "is out of range",
          STANDBY_COUNT_ACCEPTED);
    }
    return count;
  }

  private static String quoted(Object value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
