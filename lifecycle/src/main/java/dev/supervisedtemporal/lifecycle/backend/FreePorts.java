package dev.supervisedtemporal.lifecycle.backend;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.apiguardian.api.API;

/**
 * Picks a free loopback port. The port may be taken again before the server binds it (a known
 * race), which is why the manager retries a start that fails with "address in use".
 */
@API(status = INTERNAL, since = "0.1.0")
public final class FreePorts {

  private FreePorts() {}

  /** A loopback port that was free a moment ago. */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(false);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
    }
  }
}
