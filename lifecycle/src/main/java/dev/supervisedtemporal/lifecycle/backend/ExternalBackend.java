package dev.supervisedtemporal.lifecycle.backend;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.supervisedtemporal.lifecycle.settings.SettingRules;
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
   * @throws dev.supervisedtemporal.lifecycle.settings.InvalidSettingException when the target is
   *     not {@code host:port} with a port 1-65535
   */
  public ExternalBackend(String target) {
    SettingRules.Target address = SettingRules.target("target", target);
    this.host = address.host();
    this.port = address.port();
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
