package dev.supervisedtemporal.lifecycle;

import java.util.List;

/**
 * Thrown when a server exited before it was ready because a port other than its gRPC port (the
 * CLI's HTTP API or metrics port) was taken; the next command picks new ones, so a start retries.
 */
final class AuxiliaryPortInUseException extends TemporalStartException {

  private static final long serialVersionUID = 1L;

  AuxiliaryPortInUseException(int exitCode, List<String> command, List<String> logTail) {
    super("the server exited with code " + exitCode + " because its HTTP or metrics port was "
        + "taken before it bound it", command, logTail, null);
  }
}
