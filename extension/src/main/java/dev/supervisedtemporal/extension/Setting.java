package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.lifecycle.StandbyMode;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * One setting of the extension: its attribute name, its configuration-parameter key, and how a
 * value of it is read from text and checked.
 */
enum Setting {
  BACKEND("backend", "backend", "auto, embedded, cli or external"),
  TARGET("target", "target", "host:port with port 1-65535, e.g. 127.0.0.1:7233"),
  PORT("port", "port", "an integer 0-65535 (0 picks a free port)"),
  NAMESPACE("namespace", "namespace",
      "1-255 letters, digits, '.', '_' or '-', starting with a letter or digit"),
  POLICY("policy", "policy", "basic or recommended"),
  CHECK_INTERVAL("checkInterval", "check-interval", DurationText.ACCEPTED),
  PROBE_TIMEOUT("probeTimeout", "probe-timeout", DurationText.ACCEPTED),
  RESTART_BACKOFF("restartBackoff", "restart-backoff", DurationText.ACCEPTED),
  MAX_RESTARTS("maxRestarts", "max-restarts",
      "an integer >= 1: restart attempts allowed within the policy's window"),
  STARTUP_TIMEOUT("startupTimeout", "startup-timeout", DurationText.ACCEPTED),
  PERSISTENT("persistent", "persistent", "true or false"),
  FAIL_ON_LEAK("failOnLeak", "fail-on-leak", "true or false"),
  CLI_PATH("cliPath", "cli", "the path of an executable Temporal CLI binary"),
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
  UI_PORT("uiPort", "ui-port", "an integer 1-65535, or 0 for no UI (headless)"),
  LOG_LEVEL("logLevel", "log-level", "debug, info, warn or error"),
  SKIP_IF_UNAVAILABLE("skipIfUnavailable", "skip-if-unavailable", "true or false"),
  STANDBY("standby", "standby", StandbyMode.accepted() + " (embedded backend only)"),
  STANDBY_COUNT("standbyCount", "standby-count",
      "an integer 1-8: warm standbys kept at once, with standby on or after-first-restart");

  /** The largest {@link #STANDBY_COUNT}: each standby is a server JVM. */
  private static final int MAX_STANDBY_COUNT = 8;

  /** The prefix of every configuration parameter key. */
  static final String PREFIX = "supervised.temporal.";

  private static final Pattern NAMESPACE_TEXT =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

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

  /** The setting whose attribute name a lifecycle message starts with, if any. */
  static Optional<Setting> named(String attribute) {
    return Arrays.stream(values()).filter(s -> s.attribute.equals(attribute)).findFirst();
  }

  /**
   * Reads a value from text: the typed value, or an exception naming where the text came from,
   * the text, and what is accepted.
   *
   * @param where e.g. {@code @WithSupervisedTemporal(checkInterval = "x")}
   */
  Object parse(String text, String where) {
    String t = text.trim();
    return switch (this) {
      case BACKEND -> {
        try {
          yield BackendKind.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw invalid(where, "is not a backend");
        }
      }
      case TARGET -> check(t, where);
      case PORT -> {
        try {
          yield check(Integer.parseInt(t), where);
        } catch (NumberFormatException e) {
          throw invalid(where, "is not an integer");
        }
      }
      case NAMESPACE -> check(t, where);
      case MAX_RESTARTS, STANDBY_COUNT -> {
        try {
          yield check(Integer.parseInt(t), where);
        } catch (NumberFormatException e) {
          throw invalid(where, "is not an integer");
        }
      }
      case POLICY -> switch (t.toLowerCase(Locale.ROOT)) {
        case "basic" -> SupervisorPolicy.basic();
        case "recommended" -> SupervisorPolicy.recommended();
        default -> throw invalid(where, "is not a policy preset");
      };
      case CHECK_INTERVAL, PROBE_TIMEOUT, RESTART_BACKOFF, STARTUP_TIMEOUT ->
          DurationText.parse(t).orElseThrow(() -> invalid(where, DurationText.problem(t)));
      case PERSISTENT, FAIL_ON_LEAK -> switch (t.toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw invalid(where, "is not a boolean");
      };
      case STANDBY -> {
        try {
          yield StandbyMode.parse(attribute, t);
        } catch (IllegalArgumentException e) {
          throw invalid(where, "is not a standby mode");
        }
      }
      case CLI_PATH -> {
        try {
          yield check(Path.of(t), where);
        } catch (InvalidPathException e) {
          throw invalid(where, "is not a path");
        }
      }
      case TIME_SKIPPING, SKIP_IF_UNAVAILABLE -> switch (t.toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw invalid(where, "is not a boolean");
      };
      case SEARCH_ATTRIBUTES, NAMESPACES, DYNAMIC_CONFIG, EXTRA_ARGS -> Arrays.stream(t.split(","))
          .map(String::trim).filter(e -> !e.isEmpty()).toList();
      case UI_PORT -> {
        try {
          yield check(Integer.parseInt(t), where);
        } catch (NumberFormatException e) {
          throw invalid(where, "is not an integer");
        }
      }
      case LOG_LEVEL -> t;
    };
  }

  /** Checks a typed value (from the builder or {@link #parse}); returns it when accepted. */
  Object check(Object value, String where) {
    switch (this) {
      case TARGET -> {
        String t = (String) value;
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
          throw invalid(where, "is not an address");
        }
        int p;
        try {
          p = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
          throw invalid(where, "has no numeric port");
        }
        if (p < 1 || p > 65535) {
          throw invalid(where, "has a port out of range");
        }
      }
      case PORT, UI_PORT -> {
        int p = (Integer) value;
        if (p < 0 || p > 65535) {
          throw invalid(where, "is out of range");
        }
      }
      case NAMESPACE -> {
        if (!NAMESPACE_TEXT.matcher((String) value).matches()) {
          throw invalid(where, "is not a namespace name");
        }
      }
      case CHECK_INTERVAL, PROBE_TIMEOUT, RESTART_BACKOFF, STARTUP_TIMEOUT -> {
        Duration d = (Duration) value;
        if (d.isZero() || d.isNegative()) {
          throw invalid(where, "is not positive");
        }
      }
      case MAX_RESTARTS -> {
        if ((Integer) value < 1) {
          throw invalid(where, "is below 1");
        }
      }
      case STANDBY_COUNT -> {
        int count = (Integer) value;
        if (count < 1 || count > MAX_STANDBY_COUNT) {
          throw invalid(where, "is out of range");
        }
      }
      case CLI_PATH -> {
        Path p = (Path) value;
        if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
          throw invalid(where, "is not an executable file");
        }
      }
      default -> {
        // enums and booleans need no check
      }
    }
    return value;
  }

  /** An exception naming where the value came from, what is wrong, and what is accepted. */
  ExtensionConfigurationException invalid(String where, String problem) {
    return new ExtensionConfigurationException(where + " " + problem + "; accepted: " + accepted);
  }
}
