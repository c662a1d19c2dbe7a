package dev.supervisedtemporal.lifecycle.backend;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Knows how to start one kind of Temporal server as a child process.
 *
 * <p>Implementations build argument lists, never shell strings, and always bind 127.0.0.1.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface ServerBackend {

  /** The short name used in logs and reports: {@code embedded}, {@code cli} or {@code external}. */
  String name();

  /** Whether this backend starts and owns a process; {@code false} for an external server. */
  default boolean ownsProcess() {
    return true;
  }

  /** The version of the server this backend starts, for logs, when it can be found. */
  Optional<String> version();

  /** The command that starts a server as described, program first. */
  List<String> command(LaunchSpec spec);

  /**
   * Whether a process that exited before it was ready failed because the port was taken.
   *
   * @param exitCode the process's exit code
   * @param logTail the last lines the process wrote
   */
  boolean exitedBecausePortInUse(int exitCode, List<String> logTail);

  /**
   * Whether a process that exited before it was ready failed because another port it binds (not
   * the gRPC port: e.g. an HTTP or metrics port) was taken. Such ports are picked anew for every
   * command, so the manager simply tries again; the default says no.
   *
   * @param exitCode the process's exit code
   * @param logTail the last lines the process wrote
   */
  default boolean exitedBecauseAuxiliaryPortInUse(int exitCode, List<String> logTail) {
    return false;
  }

  /**
   * The command that starts a standby: a server that warms up without binding a port and binds
   * {@code spec.port()} when it reads {@code BIND <port>} on its stdin; empty when this backend
   * cannot start a server without binding its port.
   */
  default Optional<List<String>> standbyCommand(LaunchSpec spec) {
    return Optional.empty();
  }

  /** Whether {@link #standbyCommand} gives a command; cheap, for validating settings. */
  default boolean supportsStandby() {
    return false;
  }

  /** Prepares anything slow that the first start needs (e.g. a class-data archive); idempotent. */
  default void prepare() {}
}
