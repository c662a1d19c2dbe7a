package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.process.Listener;
import dev.supervisedtemporal.lifecycle.process.PortOwnership;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether the server's port is held by our process tree or by someone else, and names the
 * someone else.
 *
 * <p>"Something listens on the port" is not "our server listens there": a port thief answers
 * TCP connects just as well. On a machine without {@code /proc/net/tcp} nothing is checked.
 */
final class PortGuard {

  private final PortOwnership ports = new PortOwnership();

  /** The PORT_OWNER health layer: passes when every listener on the port is in our tree. */
  HealthReport.LayerResult ownerLayer(ProcessHandle server, int port) {
    if (!ports.isSupported()) {
      return new HealthReport.LayerResult(HealthReport.Layer.PORT_OWNER, true,
          "not checked: no /proc/net/tcp");
    }
    Set<Long> tree = PortOwnership.treeOf(server);
    List<Listener> listeners = ports.listenersWithOwners(port, tree);
    if (listeners.isEmpty()) {
      return new HealthReport.LayerResult(HealthReport.Layer.PORT_OWNER, false,
          "nothing listens on port " + port);
    }
    Optional<Listener> foreign = firstForeign(listeners, tree);
    if (foreign.isPresent()) {
      return new HealthReport.LayerResult(HealthReport.Layer.PORT_OWNER, false,
          "port " + port + " is held by " + describe(foreign.get()));
    }
    Listener ours = listeners.get(0);
    return new HealthReport.LayerResult(HealthReport.Layer.PORT_OWNER, true, "listening on "
        + ours.address() + ":" + port + " by pid " + ours.ownerPid().orElse(-1L));
  }

  /**
   * Fails when a process outside {@code ours} listens on the port.
   *
   * @param ours the pids that may hold the port (empty before our server is spawned)
   * @param fallback who to name when the port is taken but its holder cannot be found (null:
   *     then only a found holder fails)
   * @throws PortInUseException naming the holder's pid and command line
   */
  void requireFree(int port, Set<Long> ours, String fallback, List<String> command,
      List<String> logTail) {
    Optional<Listener> foreign = ports.isSupported()
        ? firstForeign(ports.listenersWithOwners(port, ours), ours) : Optional.empty();
    if (foreign.isPresent()) {
      Listener l = foreign.get();
      throw new PortInUseException(port, l.ownerPid().orElse(-1L), describe(l), command,
          logTail);
    }
    if (fallback != null) {
      throw new PortInUseException(port, -1, fallback, command, logTail);
    }
  }

  private static Optional<Listener> firstForeign(List<Listener> listeners, Set<Long> ours) {
    return listeners.stream()
        .filter(l -> l.ownerPid().isEmpty() || !ours.contains(l.ownerPid().get())).findFirst();
  }

  private static String describe(Listener l) {
    return l.ownerPid().map(pid -> "pid " + pid + " ("
        + ProcessIdentity.of(pid).map(ProcessIdentity::describeCommand).orElse("exited") + ")")
        .orElse("an unknown process (socket inode " + l.inode() + ")");
  }
}
