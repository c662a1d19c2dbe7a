package dev.supervisedtemporal.lifecycle.backend;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** Watches a Temporal server the harness does not own: it never starts, signals or stops it. */
@API(status = INTERNAL, since = "0.1.0")
public final class ExternalBackend implements ServerBackend {

  private final String host;
  private final int port;

  /**
   * Creates a backend for a {@code host:port} target.
   *
   * @throws IllegalArgumentException when the target is not {@code host:port}
   */
  public ExternalBackend(String target) {
    int colon = target == null ? -1 : target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1) {
      throw new IllegalArgumentException(
          "target = '" + target + "' is not an address; accepted: host:port, e.g. 127.0.0.1:7233");
    }
    this.host = target.substring(0, colon);
    try {
      this.port = Integer.parseInt(target.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "target = '" + target + "' has no numeric port; accepted: host:port with port 1-65535");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "target = '" + target + "' has port " + port + "; accepted: 1-65535");
    }
  }

  /** The host part of the target. */
  public String host() {
    return host;
  }

  /** The port part of the target. */
  public int port() {
    return port;
  }

  @Override
  public String name() {
    return "external";
  }

  @Override
  public boolean ownsProcess() {
    return false;
  }

  @Override
  public Optional<String> version() {
    return Optional.empty();
  }

  @Override
  public List<String> command(LaunchSpec spec) {
    throw new UnsupportedOperationException("an external server is not started by the harness");
  }

  @Override
  public boolean exitedBecausePortInUse(int exitCode, List<String> logTail) {
    return false;
  }
}
