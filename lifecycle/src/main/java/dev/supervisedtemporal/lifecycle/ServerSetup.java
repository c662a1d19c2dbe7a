package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.CliBackend;
import dev.supervisedtemporal.lifecycle.backend.EmbeddedBackend;
import dev.supervisedtemporal.lifecycle.backend.ExternalBackend;
import dev.supervisedtemporal.lifecycle.backend.SearchAttributeType;
import dev.supervisedtemporal.lifecycle.backend.ServerBackend;
import dev.supervisedtemporal.lifecycle.backend.ServerOptions;
import dev.supervisedtemporal.lifecycle.settings.InvalidSettingException;
import dev.supervisedtemporal.lifecycle.settings.SettingRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server set-up a {@link TemporalManager.Builder} collects (time skipping, namespaces, search
 * attributes, dynamic config, extra args, UI port, log level), checked in one place against the
 * chosen backend.
 *
 * <p>Every rejection is an {@link InvalidSettingException} naming the setting, what is wrong and
 * what is accepted.
 */
final class ServerSetup {

  private static final Pattern SEARCH_ATTRIBUTE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");
  private static final Pattern CONFIG_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  boolean timeSkipping;
  final List<String> namespaces = new ArrayList<>();
  final List<String> searchAttributes = new ArrayList<>();
  final List<String> dynamicConfig = new ArrayList<>();
  final List<String> extraArgs = new ArrayList<>();
  int uiPort;
  String logLevel;

  static void replace(List<String> list, Collection<String> values, String setting) {
    if (values == null) {
      throw new InvalidSettingException(setting, "null", "", "a list (may be empty)");
    }
    list.clear();
    list.addAll(values);
  }

  /** Checks every value, and the values against the backend that will run them. */
  ServerOptions resolve(ServerBackend backend, String primaryNamespace) {
    List<String> extra = new ArrayList<>();
    for (String ns : namespaces) {
      if (!SettingRules.isNamespace(ns)) {
        throw new InvalidSettingException("namespaces", String.valueOf(namespaces), "has '" + ns
            + "'", "names of " + SettingRules.NAMESPACE_ACCEPTED);
      }
      if (!ns.equals(primaryNamespace) && !extra.contains(ns)) {
        extra.add(ns);
      }
    }
    Map<String, SearchAttributeType> attributes = new LinkedHashMap<>();
    for (String spec : searchAttributes) {
      String[] parts = spec == null ? new String[0] : spec.split("=", 2);
      if (parts.length != 2 || !SEARCH_ATTRIBUTE.matcher(parts[0].trim()).matches()) {
        throw new InvalidSettingException("searchAttributes", "'" + spec + "'", "is not "
            + "NAME=TYPE", "e.g. CustomerId=Keyword, NAME a letter or '_' then letters, digits or "
            + "'_', TYPE one of " + SearchAttributeType.accepted());
      }
      String name = parts[0].trim();
      SearchAttributeType type = SearchAttributeType.named(parts[1]).orElseThrow(() ->
          new InvalidSettingException("searchAttributes", "'" + spec + "'", "has type '"
              + parts[1].trim() + "'", SearchAttributeType.accepted()));
      SearchAttributeType before = attributes.put(name, type);
      if (before != null && before != type) {
        throw new InvalidSettingException("searchAttributes", String.valueOf(searchAttributes),
            "gives " + name + " two types (" + before + ", " + type + ")", "one type per name");
      }
    }
    Map<String, String> config = new LinkedHashMap<>();
    for (String spec : dynamicConfig) {
      int eq = spec == null ? -1 : spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1
          || !CONFIG_KEY.matcher(spec.substring(0, eq).trim()).matches()) {
        throw new InvalidSettingException("dynamicConfig", "'" + spec + "'", "is not KEY=VALUE",
            "e.g. frontend.enableUpdateWorkflowExecution=true, the value a JSON value (strings "
            + "quoted: key=\"text\")");
      }
      config.put(spec.substring(0, eq).trim(), spec.substring(eq + 1).trim());
    }
    for (String arg : extraArgs) {
      if (arg == null || arg.isBlank()) {
        throw new InvalidSettingException("extraArgs", String.valueOf(extraArgs), "has a blank "
            + "argument", "non-blank arguments, one per list element");
      }
    }
    SettingRules.uiPort("uiPort", uiPort);
    String level = logLevel == null ? ServerOptions.DEFAULT_LOG_LEVEL
        : logLevel.trim().toLowerCase(Locale.ROOT);
    if (!ServerOptions.LOG_LEVELS.contains(level)) {
      throw new InvalidSettingException("logLevel", "'" + logLevel + "'", "",
          String.join(", ", ServerOptions.LOG_LEVELS));
    }
    ServerOptions options = new ServerOptions(timeSkipping, extra, attributes, config,
        extraArgs, uiPort, level);
    requireSupported(options, backend);
    return options;
  }

  private void requireSupported(ServerOptions options, ServerBackend backend) {
    String name = backend.name();
    if (options.timeSkipping() && !(backend instanceof EmbeddedBackend)) {
      throw new InvalidSettingException("timeSkipping", "true", "needs the embedded backend (the "
          + "Java test server), but backend = " + name + ", which always runs in real time",
          "timeSkipping = false, or backend = embedded");
    }
    if (!(backend instanceof CliBackend)) {
      String why = backend instanceof ExternalBackend
          ? "an external server is watched, not started by the harness"
          : "the embedded Java test server has no such option";
      if (!options.dynamicConfig().isEmpty()) {
        throw cliOnly("dynamicConfig", String.valueOf(dynamicConfig), name, why);
      }
      if (!options.extraArgs().isEmpty()) {
        throw cliOnly("extraArgs", String.valueOf(extraArgs), name, why);
      }
      if (options.uiPort() != 0) {
        throw cliOnly("uiPort", String.valueOf(uiPort), name, why + " (it has no Web UI)");
      }
    }
    if (backend instanceof ExternalBackend) {
      if (!options.searchAttributes().isEmpty()) {
        throw new InvalidSettingException("searchAttributes", String.valueOf(searchAttributes),
            "cannot be registered on an external server (it is watched, not set up by the "
            + "harness)", "none with backend = external (register them on that server)");
      }
      if (logLevel != null) {
        throw new InvalidSettingException("logLevel", "'" + logLevel + "'", "is not used with "
            + "backend = external (the harness does not start that server)", "no logLevel");
      }
    }
  }

  private static InvalidSettingException cliOnly(String setting, String value, String backend,
      String why) {
    return new InvalidSettingException(setting, value, "needs the cli backend, but backend = "
        + backend + " (" + why + ")", "backend = cli, or leave it out");
  }
}
