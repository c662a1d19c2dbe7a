package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.BackendDiscovery;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.nio.file.Path;
import java.util.List;
import org.opentest4j.TestAbortedException;

/**
 * The server set-up a class asks for (time skipping, search attributes, namespaces, dynamic
 * config, extra args, UI port, log level) and whether to skip the class when its CLI is missing.
 * The values are checked in depth by {@link TemporalManager.Builder#build()}, whose
 * {@link dev.supervisedtemporal.lifecycle.settings.InvalidSettingException} names the setting;
 * {@link Settings#buildManager()} says where that setting was set.
 *
 * @param timeSkipping whether the embedded server may skip time
 * @param searchAttributes {@code NAME=TYPE} entries
 * @param namespaces extra namespaces
 * @param dynamicConfig {@code KEY=VALUE} entries
 * @param extraArgs arguments appended to the server's command line
 * @param uiPort the UI port, 0 for none
 * @param logLevel the server's log level, or null for the default
 * @param skipIfUnavailable whether a class asking for a missing CLI is skipped, not failed
 */
record ServerSetupSettings(boolean timeSkipping, List<String> searchAttributes,
    List<String> namespaces, List<String> dynamicConfig, List<String> extraArgs, int uiPort,
    String logLevel, boolean skipIfUnavailable) {

  /** The message of the abort when the CLI is missing. */
  static final String CLI_MISSING = "Temporal CLI not installed";

  static ServerSetupSettings resolve(Settings.Resolver r) {
    return new ServerSetupSettings(r.get(Setting.TIME_SKIPPING, false),
        r.get(Setting.SEARCH_ATTRIBUTES, List.of()), r.get(Setting.NAMESPACES, List.of()),
        r.get(Setting.DYNAMIC_CONFIG, List.of()), r.get(Setting.EXTRA_ARGS, List.of()),
        r.get(Setting.UI_PORT, 0), r.get(Setting.LOG_LEVEL, null),
        r.get(Setting.SKIP_IF_UNAVAILABLE, false));
  }

  /** Passes the set-up to the manager's builder. */
  void applyTo(TemporalManager.Builder b) {
    b.timeSkipping(timeSkipping).searchAttributes(searchAttributes).namespaces(namespaces)
        .dynamicConfig(dynamicConfig).extraArgs(extraArgs).uiPort(uiPort);
    if (logLevel != null) {
      b.logLevel(logLevel);
    }
  }

  /**
   * Aborts the class (JUnit reports it skipped) when it asks for the CLI backend, opted in to
   * skipping, names no CLI binary itself and none can be found.
   */
  void abortIfCliMissing(BackendKind backend, Path cliPath, String where) {
    if (skipIfUnavailable && backend == BackendKind.CLI && cliPath == null
        && BackendDiscovery.findCli().isEmpty()) {
      throw new TestAbortedException(CLI_MISSING + ": " + where + " with skipIfUnavailable = "
          + "true, and no binary in -D" + BackendDiscovery.CLI_PROPERTY + ", $"
          + BackendDiscovery.CLI_ENV + ", PATH or .tools/bin/temporal "
          + "(scripts/install-temporal-cli installs one)");
    }
  }
}
