package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.supervisedtemporal.lifecycle.settings.InvalidSettingException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * When a manager keeps a warm standby server: a second, already started server process that
 * binds the port and serves when the running one is replaced, instead of a cold start.
 *
 * <p>Only the embedded backend can start a server without binding its port; the CLI dev server
 * binds as it starts, so asking for a standby there is a configuration error.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum StandbyMode {
  /** No standby: every replacement is a cold start (the default). */
  OFF,
  /** A standby from the first start on: every replacement is a promotion. */
  ON,
  /**
   * A standby once the server has been replaced once: classes that never break their server pay
   * nothing, the second and later replacements are promotions.
   */
  AFTER_FIRST_RESTART;

  /**
   * Parses a name case-insensitively; {@code after-first-restart} and
   * {@code after_first_restart} are both accepted.
   *
   * @throws InvalidSettingException naming the setting and the accepted values
   */
  public static StandbyMode parse(String setting, String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidSettingException(setting, "'" + value + "'", "is not a standby mode",
          accepted());
    }
  }

  /** The accepted names, as they are written in settings. */
  public static String accepted() {
    return Arrays.stream(values()).map(StandbyMode::settingName)
        .collect(Collectors.joining(", "));
  }

  /** The name as written in settings: {@code off}, {@code on}, {@code after-first-restart}. */
  public String settingName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The setting name with a pool size above one: {@code on}, {@code on x3}, {@code off}. */
  String withCount(int count) {
    return settingName() + (this != OFF && count > 1 ? " x" + count : "");
  }
}
