package dev.supervisedtemporal.lifecycle.backend;

import java.nio.file.Path;

/**
 * What a backend needs to build the command that starts one server.
 *
 * @param port the loopback port the server must listen on (never 0)
 * @param stateDir the manager's private directory, for databases and caches
 * @param namespace the Temporal namespace that must exist once the server is ready
 * @param persistent whether the server keeps its data in a file in the state dir
 */
public record LaunchSpec(int port, Path stateDir, String namespace, boolean persistent) {}
