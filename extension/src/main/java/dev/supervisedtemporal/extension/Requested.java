package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The settings one source asks for (the annotation, the builder, or the configuration
 * parameters), each checked and remembered with where it came from; a setting the source leaves
 * open is absent.
 */
final class Requested {

  /**
   * A checked value and where it came from.
   *
   * @param value the typed value
   * @param where how to name it in a message, e.g. {@code @WithSupervisedTemporal(port = 1)}
   */
  record Value(Object value, String where) {}

  private final Map<Setting, Value> values = new EnumMap<>(Setting.class);

  private Requested() {}

  /** Nothing set. */
  static Requested none() {
    return new Requested();
  }

  /** What an annotation sets; attributes at their defaults are left open. */
  static Requested fromAnnotation(WithSupervisedTemporal a) {
    Requested r = new Requested();
    if (a.backend() != WithSupervisedTemporal.Backend.INFERRED) {
      r.values.put(Setting.BACKEND, new Value(BackendKind.valueOf(a.backend().name()),
          annotation(Setting.BACKEND, a.backend().name())));
    }
    if (a.policy() != WithSupervisedTemporal.Policy.INFERRED) {
      r.values.put(Setting.POLICY, new Value(a.policy() == WithSupervisedTemporal.Policy.BASIC
          ? SupervisorPolicy.basic() : SupervisorPolicy.recommended(),
          annotation(Setting.POLICY, a.policy().name())));
    }
    if (a.port() != -1) {
      String where = annotation(Setting.PORT, String.valueOf(a.port()));
      r.values.put(Setting.PORT, new Value(Setting.PORT.check(a.port(), where), where));
    }
    r.text(Setting.TARGET, a.target(), true);
    r.text(Setting.NAMESPACE, a.namespace(), true);
    r.text(Setting.CHECK_INTERVAL, a.checkInterval(), true);
    r.text(Setting.PROBE_TIMEOUT, a.probeTimeout(), true);
    r.text(Setting.RESTART_BACKOFF, a.restartBackoff(), true);
    r.text(Setting.MAX_RESTARTS, a.maxRestarts(), true);
    r.text(Setting.STARTUP_TIMEOUT, a.startupTimeout(), true);
    r.text(Setting.PERSISTENT, a.persistent(), true);
    r.text(Setting.FAIL_ON_LEAK, a.failOnLeak(), true);
    // ---- server set-up
    r.text(Setting.TIME_SKIPPING, a.timeSkipping(), true);
    r.list(Setting.SEARCH_ATTRIBUTES, a.searchAttributes());
    r.list(Setting.NAMESPACES, a.namespaces());
    r.list(Setting.DYNAMIC_CONFIG, a.dynamicConfig());
    r.list(Setting.EXTRA_ARGS, a.extraArgs());
    if (a.uiPort() != -1) {
      String where = annotation(Setting.UI_PORT, String.valueOf(a.uiPort()));
      r.values.put(Setting.UI_PORT, new Value(Setting.UI_PORT.check(a.uiPort(), where), where));
    }
    r.text(Setting.LOG_LEVEL, a.logLevel(), true);
    r.text(Setting.SKIP_IF_UNAVAILABLE, a.skipIfUnavailable(), true);
    r.text(Setting.STANDBY, a.standby(), true);
    r.text(Setting.STANDBY_COUNT, a.standbyCount(), true);
    return r;
  }

  /** What the configuration parameters set; blank values are left open. */
  static Requested fromConfiguration(Function<String, Optional<String>> parameters) {
    Requested r = new Requested();
    for (Setting s : Setting.values()) {
      parameters.apply(s.key()).ifPresent(text -> r.text(s, text, false));
    }
    return r;
  }

  /** Sets a typed value given to the builder, checking it. */
  Requested typed(Setting setting, Object value, String shown) {
    String where = "SupervisedTemporalExtension.builder()." + setting.attribute() + "(" + shown
        + ")";
    values.put(setting, new Value(setting.check(value, where), where));
    return this;
  }

  /** The value, if this source sets it. */
  Optional<Value> get(Setting setting) {
    return Optional.ofNullable(values.get(setting));
  }

  private void text(Setting setting, String text, boolean fromAnnotation) {
    // An attribute's default "" leaves it open; blank text written in an annotation is a value
    // (and a bad one), not "unset". A blank configuration parameter still leaves it open.
    if (text == null || (fromAnnotation ? text.isEmpty() : text.isBlank())) {
      return;
    }
    String where = fromAnnotation ? annotation(setting, "\"" + text + "\"")
        : "configuration parameter " + setting.key() + " = \"" + text + "\"";
    values.put(setting, new Value(setting.parse(text, where), where));
  }

  private void list(Setting setting, String[] entries) {
    if (entries.length > 0) {
      values.put(setting, new Value(List.of(entries), annotation(setting,
          Arrays.stream(entries).map(e -> "\"" + e + "\"").collect(Collectors.joining(", ", "{",
              "}")))));
    }
  }

  private static String annotation(Setting setting, String shown) {
    return "@WithSupervisedTemporal(" + setting.attribute() + " = " + shown + ")";
  }
}
