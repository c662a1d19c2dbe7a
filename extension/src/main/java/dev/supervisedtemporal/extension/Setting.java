package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.lifecycle.StandbyMode;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.settings.DurationText;
import dev.supervisedtemporal.lifecycle.settings.InvalidSettingException;
import dev.supervisedtemporal.lifecycle.settings.SettingRules;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * One setting of the extension: its attribute name, its configuration-parameter key, and how a
 * value of it is read from text and checked. The checks are the lifecycle's
 * {@link SettingRules}; this only says where a rejected value came from.
 */
enum Setting {
  BACKEND("backend", "backend", "auto, embedded, cli or external"),
  TARGET("target", "target", SettingRules.TARGET_ACCEPTED),
  PORT("port", "port", SettingRules.PORT_ACCEPTED),
  NAMESPACE("namespace", "namespace", SettingRules.NAMESPACE_ACCEPTED),
  POLICY("policy", "policy", WithSupervisedTemporal.Policy.accepted()),
  CHECK_INTERVAL("checkInterval", "check-interval", DurationText.ACCEPTED),
  PROBE_TIMEOUT("probeTimeout", "probe-timeout", DurationText.ACCEPTED),
  RESTART_BACKOFF("restartBackoff", "restart-backoff", DurationText.ACCEPTED),
  MAX_RESTARTS("maxRestarts", "max-restarts",
      "an integer >= 1: restart attempts allowed within the policy's window"),
  STARTUP_TIMEOUT("startupTimeout", "startup-timeout", DurationText.ACCEPTED),
  PERSISTENT("persistent", "persistent", "true or false"),
  FAIL_ON_LEAK("failOnLeak", "fail-on-leak", "true or false"),
  CLI_PATH("cliPath", "cli", SettingRules.CLI_PATH_ACCEPTED),
  // ---- server set-up: checked in depth by TemporalManager.Builder
  TIME_SKIPPING("timeSkipping", "time-skipping", "true or false (true: embedded backend only)"),
  SEARCH_ATTRIBUTES("searchAttributes", "search-attributes",
      "NAME=TYPE entries (comma-separated in a configuration parameter), e.g. CustomerId=Keyword"),
  NAMESPACES("namespaces", "namespaces",
      "namespace names (comma-separated in a configuration parameter)"),
  DYNAMIC_CONFIG("dynamicConfig", "dynamic-config",
      "KEY=VALUE entries, the value JSON (comma-separated in a configuration parameter)"),
  EXTRA_ARGS("extraArgs", "extra-args",
      "server arguments (comma-separated in a configuration parameter)"),
  UI_PORT("uiPort", "ui-port", SettingRules.UI_PORT_ACCEPTED),
  LOG_LEVEL("logLevel", "log-level", "debug, info, warn or error"),
  SKIP_IF_UNAVAILABLE("skipIfUnavailable", "skip-if-unavailable", "true or false"),
  STANDBY("standby", "standby", StandbyMode.accepted() + " (embedded backend only)"),
  STANDBY_COUNT("standbyCount", "standby-count", SettingRules.STANDBY_COUNT_ACCEPTED
      + ", with standby on or after-first-restart");

  /** The prefix of every configuration parameter key. */
  static final String PREFIX = "supervised.temporal.";

  private final String attribute;
  private final String key;
  private final String accepted;

  Setting(String attribute, String keySuffix, String accepted) {
    this.attribute = attribute;
    this.key = PREFIX + keySuffix;
    this.accepted = accepted;
  }

  /** The annotation attribute and builder method name. */
  String attribute() {
    return attribute;
  }

  /** The configuration parameter key. */
  String key() {
    return key;
  }

  /** What values are accepted, for messages and the README. */
  String accepted() {
    return accepted;
  }

  /** The setting a lifecycle rule names (by its builder method), if the extension has it. */
  static Optional<Setting> named(String attribute) {
    return Arrays.stream(values()).filter(s -> s.attribute.equals(attribute)).findFirst();
  }

  /**
   * Reads a value from text: the typed value, or an exception naming where the text came from,
   * the text, and what is accepted.
   *
   * @param where e.g. {@code configuration parameter supervised.temporal.port = "x"}
   */
  Object parse(String text, String where) {
    String t = text.trim();
    return switch (this) {
      case BACKEND -> {
        try {
          yield BackendKind.parse(attribute, t);
        } catch (InvalidSettingException e) {
          throw invalid(where, e.problem());
        }
      }
      case TARGET, NAMESPACE, LOG_LEVEL -> check(t, where);
      case PORT, UI_PORT, MAX_RESTARTS, STANDBY_COUNT -> {
        try {
          yield check(Integer.parseInt(t), where);
        } catch (NumberFormatException e) {
          throw invalid(where, "is not an integer");
        }
      }
      case POLICY -> {
        try {
          yield WithSupervisedTemporal.Policy.valueOf(t.toUpperCase(Locale.ROOT)).preset()
              .orElseThrow(IllegalArgumentException::new);
        } catch (IllegalArgumentException e) {
          throw invalid(where, "is not a policy preset");
        }
      }
      case CHECK_INTERVAL, PROBE_TIMEOUT, RESTART_BACKOFF, STARTUP_TIMEOUT -> {
        try {
          yield DurationText.parse(attribute, t);
        } catch (InvalidSettingException e) {
          throw invalid(where, e.problem());
        }
      }
      case PERSISTENT, FAIL_ON_LEAK, TIME_SKIPPING, SKIP_IF_UNAVAILABLE ->
          switch (t.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid(where, "is not a boolean");
          };
      case STANDBY -> {
        try {
          yield StandbyMode.parse(attribute, t);
        } catch (InvalidSettingException e) {
          throw invalid(where, e.problem());
        }
      }
      case CLI_PATH -> {
        try {
          yield check(Path.of(t), where);
        } catch (InvalidPathException e) {
          throw invalid(where, "is not a path");
        }
      }
      case SEARCH_ATTRIBUTES, NAMESPACES, DYNAMIC_CONFIG, EXTRA_ARGS -> Arrays.stream(t.split(","))
          .map(String::trim).filter(e -> !e.isEmpty()).toList();
    };
  }

  /**
   * Checks a typed value (from the annotation, the builder or {@link #parse}) by the lifecycle's
   * rule for it; returns it when accepted.
   */
  Object check(Object value, String where) {
    try {
      switch (this) {
        case TARGET -> SettingRules.target(attribute, (String) value);
        case PORT -> SettingRules.port(attribute, (Integer) value);
        case UI_PORT -> SettingRules.uiPort(attribute, (Integer) value);
        case NAMESPACE -> SettingRules.namespace(attribute, (String) value);
        case CHECK_INTERVAL, PROBE_TIMEOUT, RESTART_BACKOFF, STARTUP_TIMEOUT ->
            SettingRules.positive(attribute, (Duration) value);
        case MAX_RESTARTS -> {
          if ((Integer) value < 1) {
            throw invalid(where, "is below 1");
          }
        }
        case STANDBY_COUNT -> SettingRules.standbyCount(attribute, (Integer) value);
        case CLI_PATH -> SettingRules.cliPath(attribute, (Path) value);
        default -> {
          // enums, booleans, lists and the log level are checked by the manager's builder
        }
      }
    } catch (InvalidSettingException e) {
      throw invalid(where, e.problem());
    }
    return value;
  }

  /** An exception naming where the value came from, what is wrong, and what is accepted. */
  ExtensionConfigurationException invalid(String where, String problem) {
    return new ExtensionConfigurationException(where + " " + problem + "; accepted: " + accepted);
  }
}
