package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** How deep a health check looks. */
@API(status = STABLE, since = "0.1.0")
public enum ProbeDepth {
  /**
   * A TCP-connect check: the process is alive, is still our process, and the port accepts a TCP
   * connection. Blind to a suspended server (the kernel completes handshakes for it) and to a
   * port thief.
   */
  CONNECT,
  /**
   * The full check: alive, identity, the listening socket belongs to our process tree, and the
   * gRPC health service answers SERVING for the WorkflowService within the probe timeout.
   */
  FULL
}
