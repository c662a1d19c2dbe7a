package dev.supervisedtemporal.lifecycle.settings;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Thrown when a setting's value is not accepted: names the setting, the value, what is wrong with
 * it and what is accepted, so a caller can tell which setting failed without reading the message.
 *
 * <p>The message reads {@code <setting> = <value> <problem>; accepted: <accepted>}, e.g.
 * {@code port = 70000 is out of range; accepted: an integer 0-65535 (0 picks a free port)}.
 */
@API(status = STABLE)
public final class InvalidSettingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String value;
  private final String problem;
  private final String accepted;

  /**
   * A rejected value.
   *
   * @param setting the setting's name as its builder method spells it, e.g. {@code port}
   * @param value the value as shown in the message (strings quoted by the caller)
   * @param problem what is wrong, e.g. {@code is out of range} (a leading comma joins it to
   *     the value); may be empty
   * @param accepted what is accepted instead
   */
  public InvalidSettingException(String setting, String value, String problem, String accepted) {
    this(setting, value, problem, accepted, null);
  }

  /** A rejected value, caused by {@code cause}. */
  public InvalidSettingException(String setting, String value, String problem, String accepted,
      Throwable cause) {
    super(setting + " = " + value + (problem.isEmpty() || problem.startsWith(",") ? "" : " ")
        + problem + "; accepted: " + accepted, cause);
    this.setting = Objects.requireNonNull(setting, "setting");
    this.value = value;
    this.problem = Objects.requireNonNull(problem, "problem");
    this.accepted = Objects.requireNonNull(accepted, "accepted");
  }

  /** The setting's name, e.g. {@code port}, {@code namespace}, {@code standbyCount}. */
  public String setting() {
    return setting;
  }

  /** The rejected value as shown in the message. */
  public String value() {
    return value;
  }

  /** What is wrong with the value, e.g. {@code is out of range}; may be empty. */
  public String problem() {
    return problem;
  }

  /** What the setting accepts. */
  public String accepted() {
    return accepted;
  }
}
