package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.CliBackend;
import dev.supervisedtemporal.lifecycle.backend.EmbeddedBackend;
import dev.supervisedtemporal.lifecycle.backend.ExternalBackend;
import dev.supervisedtemporal.lifecycle.backend.SearchAttributeType;
import dev.supervisedtemporal.lifecycle.backend.ServerBackend;
import dev.supervisedtemporal.lifecycle.backend.ServerOptions;
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
 * <p>Every message starts with the setting's name, then says what is wrong and what is
 * accepted.
 */
final class ServerSetup {

  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
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
      throw new IllegalArgumentException(setting + " = null; accepted: a list (may be empty)");
    }
    list.clear();
    list.addAll(values);
  }

  /** Checks every value, and the values against the backend that will run them. */
  ServerOptions resolve(ServerBackend backend, String primaryNamespace) {
    List<String> extra = new ArrayList<>();
    for (String ns : namespaces) {
      if (ns == null || !NAMESPACE.matcher(ns).matches()) {
        throw new IllegalArgumentException("namespaces = " + namespaces + " has '" + ns
            + "'; accepted: names of 1-255 letters, digits, '.', '_' or '-', starting with a "
            + "letter or digit");
      }
      if (!ns.equals(primaryNamespace) && !extra.contains(ns)) {
        extra.add(ns);
      }
    }
    Map<String, SearchAttributeType> attributes = new LinkedHashMap<>();
    for (String spec : searchAttributes) {
      String[] parts = spec == null ? new String[0] : spec.split("=", 2);
      if (parts.length != 2 || !SEARCH_ATTRIBUTE.matcher(parts[0].trim()).matches()) {
        throw new IllegalArgumentException("searchAttributes = '" + spec + "' is not NAME=TYPE; "
            + "accepted: e.g. CustomerId=Keyword, NAME a letter or '_' then letters, digits or "
            + "'_', TYPE one of " + SearchAttributeType.accepted());
      }
      String name = parts[0].trim();
      SearchAttributeType type = SearchAttributeType.named(parts[1]).orElseThrow(() ->
          new IllegalArgumentException("searchAttributes = '" + spec + "' has type '"
              + parts[1].trim() + "'; accepted: " + SearchAttributeType.accepted()));
      SearchAttributeType before = attributes.put(name, type);
      if (before != null && before != type) {
        throw new IllegalArgumentException("searchAttributes = " + searchAttributes + " gives "
            + name + " two types (" + before + ", " + type + "); accepted: one type per name");
      }
    }
    Map<String, String> config = new LinkedHashMap<>();
    for (String spec : dynamicConfig) {
      int eq = spec == null ? -1 : spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1
          || !CONFIG_KEY.matcher(spec.substring(0, eq).trim()).matches()) {
        throw new IllegalArgumentException("dynamicConfig = '" + spec + "' is not KEY=VALUE; "
            + "accepted: e.g. frontend.enableUpdateWorkflowExecution=true, the value a JSON value "
            + "(strings quoted: key=\"text\")");
      }
      config.put(spec.substring(0, eq).trim(), spec.substring(eq + 1).trim());
    }
    for (String arg : extraArgs) {
      if (arg == null || arg.isBlank()) {
        throw new IllegalArgumentException("extraArgs = " + extraArgs + " has a blank argument; "
            + "accepted: non-blank arguments, one per list element");
      }
    }
    if (uiPort < 0 || uiPort > 65535) {
      throw new IllegalArgumentException("uiPort = " + uiPort + "; accepted: 1-65535, or 0 for "
          + "no UI (headless, the default)");
    }
    String level = logLevel == null ? ServerOptions.DEFAULT_LOG_LEVEL
        : logLevel.trim().toLowerCase(Locale.ROOT);
    if (!ServerOptions.LOG_LEVELS.contains(level)) {
      throw new IllegalArgumentException("logLevel = '" + logLevel + "'; accepted: "
          + String.join(", ", ServerOptions.LOG_LEVELS));
    }
    ServerOptions options = new ServerOptions(timeSkipping, extra, attributes, config,
        extraArgs, uiPort, level);
    requireSupported(options, backend);
    return options;
  }

  private void requireSupported(ServerOptions options, ServerBackend backend) {
    String name = backend.name();
    if (options.timeSkipping() && !(backend instanceof EmbeddedBackend)) {
      throw new IllegalArgumentException("timeSkipping = true needs the embedded backend (the Java "
          + "test server), but backend = " + name + ", which always runs in real time; accepted: "
          + "timeSkipping = false, or backend = embedded");
    }
    if (!(backend instanceof CliBackend)) {
      String why = backend instanceof ExternalBackend
          ? "an external server is watched, not started by the harness"
          : "the embedded Java test server has no such option";
      if (!options.dynamicConfig().isEmpty()) {
        throw cliOnly("dynamicConfig = " + dynamicConfig, name, why);
      }
      if (!options.extraArgs().isEmpty()) {
        throw cliOnly("extraArgs = " + extraArgs, name, why);
      }
      if (options.uiPort() != 0) {
        throw cliOnly("uiPort = " + uiPort, name, why + " (it has no Web UI)");
      }
    }
    if (backend instanceof ExternalBackend) {
      if (!options.searchAttributes().isEmpty()) {
        throw new IllegalArgumentException("searchAttributes = " + searchAttributes + " cannot be "
            + "registered on an external server (it is watched, not set up by the harness); "
            + "accepted: none with backend = external (register them on that server)");
      }
      if (logLevel != null) {
        throw new IllegalArgumentException("logLevel = '" + logLevel + "' is not used with "
            + "backend = external (the harness does not start that server); accepted: no logLevel");
      }
    }
  }

  private static IllegalArgumentException cliOnly(String setting, String backend, String why) {
    return new IllegalArgumentException(setting + " needs the cli backend, but backend = "
        + backend + " (" + why + "); accepted: backend = cli, or leave it out");
  }
}
