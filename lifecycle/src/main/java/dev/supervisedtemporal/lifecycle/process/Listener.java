package dev.supervisedtemporal.lifecycle.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One listening TCP socket found in {@code /proc/net/tcp} or {@code /proc/net/tcp6}.
 *
 * @param address the local address, e.g. {@code 127.0.0.1} or {@code ::}
 * @param port the local port
 * @param inode the socket's inode, which links it to a process's file descriptors
 * @param ownerPid the process holding the socket, when it could be found
 */
@API(status = INTERNAL, since = "0.1.0")
public record Listener(String address, int port, long inode, Optional<Long> ownerPid) {

  /** Whether the socket accepts connections only from this machine's loopback interface. */
  public boolean isLoopbackOnly() {
    return address.startsWith("127.") || address.equals("::1");
  }
}
