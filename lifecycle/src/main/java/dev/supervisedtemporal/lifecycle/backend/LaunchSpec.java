package dev.supervisedtemporal.lifecycle.backend;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * What a backend needs to build the command that starts one server.
 *
 * @param port the loopback port the server must listen on (never 0)
 * @param stateDir the manager's private directory, for databases and caches
 * @param namespace the Temporal namespace that must exist once the server is ready
 * @param persistent whether the server keeps its data in a file in the state dir
 * @param options the rest of the server's set-up (time, namespaces, search attributes, ...)
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record LaunchSpec(int port, Path stateDir, String namespace, boolean persistent,
    ServerOptions options) {

  /** A spec with the default {@link ServerOptions}. */
  public LaunchSpec(int port, Path stateDir, String namespace, boolean persistent) {
    this(port, stateDir, namespace, persistent, ServerOptions.defaults());
  }
}
