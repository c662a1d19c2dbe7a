package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.lifecycle.StandbyMode;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.settings.InvalidSettingException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The extension's settings after precedence (explicit attribute or builder value, then
 * configuration parameter, then default), checked together.
 *
 * @param backend the kind of server
 * @param target {@code host:port} for EXTERNAL, else null
 * @param port the port; 0 picks a free one
 * @param namespace the namespace clients use
 * @param policy the supervisor policy: the preset with explicit overrides applied
 * @param startupTimeout how long the server may take to become ready
 * @param persistent whether the CLI server keeps its database in a file
 * @param failOnLeak whether a leak fails the class
 * @param cliPath the Temporal CLI binary, or null to discover one
 * @param standby when a warm standby server waits to replace the running one
 * @param standbyCount how many standbys wait at once, or 0 when not set (the manager's default)
 * @param where how each set value is named in messages
 * @param setup the server set-up and whether to skip the class when its CLI is missing
 */
record Settings(BackendKind backend, String target, int port, String namespace,
    SupervisorPolicy policy, Duration startupTimeout, boolean persistent, boolean failOnLeak,
    Path cliPath, StandbyMode standby, int standbyCount, Map<Setting, String> where,
    ServerSetupSettings setup) {

  /** The defaults of settings neither set explicitly nor by a configuration parameter. */
  static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Applies precedence and checks the settings together.
   *
   * @throws ExtensionConfigurationException naming the setting, its value and what is accepted
   */
  static Settings resolve(Requested explicit, Requested configuration) {
    Map<Setting, String> where = new java.util.EnumMap<>(Setting.class);
    Resolver r = new Resolver(explicit, configuration, where);
    BackendKind backend = r.get(Setting.BACKEND, BackendKind.AUTO);
    String target = r.get(Setting.TARGET, null);
    int port = r.get(Setting.PORT, 0);
    if (backend == BackendKind.EXTERNAL && target == null) {
      throw new ExtensionConfigurationException(r.name(Setting.BACKEND, "backend = EXTERNAL")
          + " needs a target; accepted: target = \"host:port\" (attribute target or "
          + Setting.TARGET.key() + ")");
    }
    if (backend != BackendKind.EXTERNAL && target != null) {
      throw new ExtensionConfigurationException(where.get(Setting.TARGET)
          + " is only used with backend = EXTERNAL, but backend = " + backend + " ("
          + where.getOrDefault(Setting.BACKEND, "the default") + "); accepted: no target, or "
          + "backend = EXTERNAL");
    }
    if (backend == BackendKind.EXTERNAL && where.containsKey(Setting.PORT) && port != 0) {
      throw new ExtensionConfigurationException(where.get(Setting.PORT)
          + " is not used with backend = EXTERNAL; accepted: no port (the target names it)");
    }
    SupervisorPolicy policy = policy(r);
    ServerSetupSettings setup = ServerSetupSettings.resolve(r);
    return new Settings(backend, target, port, r.get(Setting.NAMESPACE, "default"), policy,
        r.get(Setting.STARTUP_TIMEOUT, DEFAULT_STARTUP_TIMEOUT),
        r.get(Setting.PERSISTENT, false), r.get(Setting.FAIL_ON_LEAK, true),
        r.get(Setting.CLI_PATH, null), r.get(Setting.STANDBY, StandbyMode.OFF),
        r.get(Setting.STANDBY_COUNT, 0), Map.copyOf(where), setup);
  }

  /** These settings with another policy (e.g. scaled for a suite run). */
  Settings withPolicy(SupervisorPolicy other) {
    return new Settings(backend, target, port, namespace, other, startupTimeout, persistent,
        failOnLeak, cliPath, standby, standbyCount, where, setup);
  }

  private static SupervisorPolicy policy(Resolver r) {
    SupervisorPolicy preset = r.get(Setting.POLICY, SupervisorPolicy.recommended());
    Duration interval = r.get(Setting.CHECK_INTERVAL, null);
    Duration probe = r.get(Setting.PROBE_TIMEOUT, null);
    Duration backoff = r.get(Setting.RESTART_BACKOFF, null);
    Integer maxRestarts = r.get(Setting.MAX_RESTARTS, null);
    if (interval == null && probe == null && backoff == null && maxRestarts == null) {
      return preset;
    }
    // The restart limit is a safety valve, not timing: it keeps the preset's name.
    SupervisorPolicy.Builder b = interval == null && probe == null && backoff == null
        ? preset.toBuilder() : preset.toBuilder().name("custom");
    if (maxRestarts != null) {
      b.restartIntensity(maxRestarts, preset.restartWindow());
    }
    if (interval != null) {
      b.checkInterval(interval);
    }
    if (probe != null) {
      b.probeTimeout(probe);
    }
    if (backoff != null) {
      boolean fixed = preset.initialBackoff().equals(preset.maxBackoff());
      Duration max = fixed || backoff.compareTo(preset.maxBackoff()) > 0
          ? backoff : preset.maxBackoff();
      b.backoff(backoff, max, preset.backoffMultiplier(), preset.jitter());
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("the supervisor policy from " + r.where
          .entrySet().stream().filter(en -> en.getKey() == Setting.POLICY
              || en.getKey() == Setting.CHECK_INTERVAL || en.getKey() == Setting.PROBE_TIMEOUT
              || en.getKey() == Setting.RESTART_BACKOFF
              || en.getKey() == Setting.MAX_RESTARTS).map(Map.Entry::getValue).toList()
          + " is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * Creates (but does not start) the manager these settings describe.
   *
   * @throws ExtensionConfigurationException when the lifecycle module rejects a setting, e.g.
   *     backend CLI without an installed CLI; the message says where the rejected setting (the
   *     one the {@link InvalidSettingException} names) was configured
   */
  TemporalManager buildManager() {
    TemporalManager.Builder b = TemporalManager.builder()
        .backend(backend)
        .namespace(namespace)
        .startupTimeout(startupTimeout)
        .persistent(persistent);
    if (standby != StandbyMode.OFF) {
      b.standby(standby);
    }
    if (standbyCount != 0) {
      b.standbyCount(standbyCount);
    }
    if (backend == BackendKind.EXTERNAL) {
      b.target(target);
    } else {
      b.port(port);
    }
    if (cliPath != null) {
      b.cliPath(cliPath);
    }
    setup.abortIfCliMissing(backend, cliPath,
        where.getOrDefault(Setting.BACKEND, "backend = " + backend));
    try {
      setup.applyTo(b);
      return b.build();
    } catch (InvalidSettingException e) {
      String source = Setting.named(e.setting()).map(where::get).orElseGet(this::backendSource);
      throw new ExtensionConfigurationException(source + " cannot be used: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // not about one setting (e.g. the host or java.io.tmpdir): named after the backend
      throw new ExtensionConfigurationException(backendSource() + " cannot be used: "
          + e.getMessage(), e);
    }
  }

  /** Where the backend was set, or the default backend. */
  private String backendSource() {
    return where.getOrDefault(Setting.BACKEND, "backend = " + backend + " (default)");
  }

  /** Resolves one setting at a time and records where each set value came from. */
  static final class Resolver {
    private final Requested explicit;
    private final Requested configuration;
    private final Map<Setting, String> where;

    Resolver(Requested explicit, Requested configuration, Map<Setting, String> where) {
      this.explicit = explicit;
      this.configuration = configuration;
      this.where = where;
    }

    @SuppressWarnings("unchecked")
    <T> T get(Setting setting, T fallback) {
      Optional<Requested.Value> v = explicit.get(setting).or(() -> configuration.get(setting));
      v.ifPresent(value -> where.put(setting, value.where()));
      return v.map(value -> (T) value.value()).orElse(fallback);
    }

    String name(Setting setting, String fallback) {
      return where.getOrDefault(setting, fallback);
    }
  }
}
