package dev.supervisedtemporal.extension;

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
    r.option(Setting.BACKEND, a.backend().kind(), a.backend().name());
    r.option(Setting.POLICY, a.policy().preset(), a.policy().name());
    r.number(Setting.PORT, a.port());
    r.text(Setting.TARGET, a.target(), true);
    r.text(Setting.NAMESPACE, a.namespace(), true);
    r.text(Setting.CHECK_INTERVAL, a.checkInterval(), true);
    r.text(Setting.PROBE_TIMEOUT, a.probeTimeout(), true);
    r.text(Setting.RESTART_BACKOFF, a.restartBackoff(), true);
    r.number(Setting.MAX_RESTARTS, a.maxRestarts());
    r.text(Setting.STARTUP_TIMEOUT, a.startupTimeout(), true);
    r.option(Setting.PERSISTENT, a.persistent().value(), a.persistent().name());
    r.option(Setting.FAIL_ON_LEAK, a.failOnLeak().value(), a.failOnLeak().name());
    // ---- server set-up
    r.option(Setting.TIME_SKIPPING, a.timeSkipping().value(), a.timeSkipping().name());
    r.list(Setting.SEARCH_ATTRIBUTES, a.searchAttributes());
    r.list(Setting.NAMESPACES, a.namespaces());
    r.list(Setting.DYNAMIC_CONFIG, a.dynamicConfig());
    r.list(Setting.EXTRA_ARGS, a.extraArgs());
    r.number(Setting.UI_PORT, a.uiPort());
    r.option(Setting.LOG_LEVEL, a.logLevel().level(), a.logLevel().name());
    r.option(Setting.SKIP_IF_UNAVAILABLE, a.skipIfUnavailable().value(),
        a.skipIfUnavailable().name());
    r.option(Setting.STANDBY, a.standby().mode(), a.standby().name());
    r.number(Setting.STANDBY_COUNT, a.standbyCount());
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

  /** An enumerated attribute: set unless it is INFERRED (the empty value). */
  private void option(Setting setting, Optional<?> value, String shown) {
    value.ifPresent(v -> {
      String where = annotation(setting, shown);
      values.put(setting, new Value(setting.check(v, where), where));
    });
  }

  /** A numeric attribute: set unless it is {@link WithSupervisedTemporal#NOT_SET}. */
  private void number(Setting setting, int value) {
    if (value != WithSupervisedTemporal.NOT_SET) {
      String where = annotation(setting, String.valueOf(value));
      values.put(setting, new Value(setting.check(value, where), where));
    }
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
