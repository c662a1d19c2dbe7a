package dev.supervisedtemporal.lifecycle;

import java.time.Duration;

/**
 * The gRPC probe of a manager's server: one channel, kept across restarts (the port stays), and
 * replaced only when the port changes.
 */
final class ProbeCache implements AutoCloseable {

  private final String host;
  private GrpcProbe probe;

  ProbeCache(String host) {
    this.host = host;
  }

  /** The probe for a port, creating (or replacing) it when needed. */
  synchronized GrpcProbe forPort(int port) {
    if (probe != null && probe.port() == port) {
      return probe;
    }
    if (probe != null) {
      probe.close();
    }
    probe = new GrpcProbe(host, port);
    return probe;
  }

  /** Whether a {@code GetSystemInfo} call on the current probe succeeds; false without one. */
  boolean answersRpc(Duration timeout) {
    GrpcProbe p;
    synchronized (this) {
      p = probe;
    }
    return p != null && p.checkSystemInfo(timeout).isEmpty();
  }

  @Override
  public synchronized void close() {
    if (probe != null) {
      probe.close();
      probe = null;
    }
  }
}
