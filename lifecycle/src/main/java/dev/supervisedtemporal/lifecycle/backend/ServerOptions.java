package dev.supervisedtemporal.lifecycle.backend;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * How a server is set up beyond its port: what the official launchers (the CLI's
 * {@code start-dev}, the SDKs' dev-server helpers) let a test ask for.
 *
 * @param timeSkipping whether the embedded test server may skip time (it runs in real time
 *     otherwise); the embedded backend only
 * @param namespaces namespaces that must exist besides the manager's own namespace
 * @param searchAttributes custom search attributes registered at every start, name to type, in
 *     the order given
 * @param dynamicConfig dynamic config values, key to JSON value text; the CLI backend only
 * @param extraArgs arguments appended to the server's command line; the CLI backend only
 * @param uiPort the Web UI's port, or 0 for no UI (headless, the default); the CLI backend only
 * @param logLevel the server's log level: debug, info, warn or error
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ServerOptions(boolean timeSkipping, List<String> namespaces,
    Map<String, SearchAttributeType> searchAttributes, Map<String, String> dynamicConfig,
    List<String> extraArgs, int uiPort, String logLevel) {

  /** The log level when none is asked for. */
  public static final String DEFAULT_LOG_LEVEL = "warn";

  /** The log levels a server accepts. */
  public static final List<String> LOG_LEVELS = List.of("debug", "info", "warn", "error");

  /** Copies the collections; maps keep their order. */
  public ServerOptions {
    namespaces = List.copyOf(namespaces);
    searchAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(searchAttributes));
    dynamicConfig = Collections.unmodifiableMap(new LinkedHashMap<>(dynamicConfig));
    extraArgs = List.copyOf(extraArgs);
  }

  /** Real time, no extra namespaces or search attributes, no UI, log level warn. */
  public static ServerOptions defaults() {
    return new ServerOptions(false, List.of(), Map.of(), Map.of(), List.of(), 0,
        DEFAULT_LOG_LEVEL);
  }
}
