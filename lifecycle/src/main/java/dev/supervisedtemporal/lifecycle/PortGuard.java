package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.process.Listener;
import dev.supervisedtemporal.lifecycle.process.PortOwnership;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether the server's port is held by our process tree or by someone else, and names the
 * someone else.
 *
 * <p>"Something listens on the port" is not "our server listens there": a port thief answers
 * TCP connects just as well. On a machine without {@code /proc/net/tcp} nothing is checked.
 *
 * <p>A check costs work in proportion to our own process tree, not to the machine: once the
 * listening sockets on the port were found to be ours, the next check reads the socket tables
 * and, when they list the same sockets, re-reads only the file-descriptor links through which
 * our server holds them. Only when something changed does it search our tree again, and only
 * a socket that is not ours makes it search every process, to name the holder.
 */
final class PortGuard {

  private final PortOwnership ports = new PortOwnership();
  private volatile Verified verified;

  /** Sockets on a port found to be held by a server, and the fd links through which it does. */
  private record Verified(long pid, int port, Map<Long, Path> links, String detail) {

    boolean stillHolds(List<Listener> listeners) {
      if (listeners.size() != links.size()) {
        return false;
      }
      for (Listener l : listeners) {
        Path link = links.get(l.inode());
        if (link == null || !PortOwnership.stillLinks(link, l.inode())) {
          return false;
        }
      }
      return true;
    }
  }

  /** The PORT_OWNER health layer: passes when every listener on the port is in our tree. */
  HealthReport.LayerResult ownerLayer(ProcessHandle server, int port) {
    if (!ports.isSupported()) {
      return new HealthReport.LayerResult(HealthReport.Layer.PORT_OWNER, true,
          "not checked: no /proc/net/tcp");
    }
    Verified known = verified;
    if (known != null && known.pid() == server.pid() && known.port() == port
        && known.stillHolds(ports.listeners(port))) {
      return new HealthReport.LayerResult(HealthReport.Layer.PORT_OWNER, true, known.detail());
    }
    verified = null;
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
    String detail = "listening on " + ours.address() + ":" + port + " by pid "
        + ours.ownerPid().orElse(-1L);
    remember(server.pid(), port, listeners, detail);
    return new HealthReport.LayerResult(HealthReport.Layer.PORT_OWNER, true, detail);
  }

  private void remember(long pid, int port, List<Listener> listeners, String detail) {
    Map<Long, Set<Long>> inodesByOwner = new HashMap<>();
    for (Listener l : listeners) {
      inodesByOwner.computeIfAbsent(l.ownerPid().orElseThrow(), k -> new HashSet<>())
          .add(l.inode());
    }
    Map<Long, Path> links = new HashMap<>();
    inodesByOwner.forEach((owner, inodes) -> links.putAll(ports.socketLinks(owner, inodes)));
    if (links.size() == listeners.size()) {
      verified = new Verified(pid, port, Map.copyOf(links), detail);
    }
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
