package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.lifecycle.Await;
import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.EmbeddedBackend;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.ProcessSpawner;
import dev.supervisedtemporal.lifecycle.state.StateDirLock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds what a closed server session left behind: workers left polling (see
 * {@link LeftoverWorkers}), its supervisor (or other per-server) threads, its server processes,
 * its port, its state-dir lock.
 *
 * <p>Threads are attributed by name: the lifecycle module names per-server threads
 * {@code supervised-temporal-<role>-<backend>-<port>}, so only threads ending in this session's
 * port count; classes running in parallel have other ports. The JVM-wide
 * {@link ProcessSpawner#THREAD_NAME} thread is expected to stay. What is found is re-checked for
 * a short grace period, since a thread or socket may take a moment to vanish after close.
 */
final class LeakCheck {

  static final String THREAD_PREFIX = "supervised-temporal-";
  private static final Duration GRACE = Duration.ofSeconds(3);
  private static final Duration POLL = Duration.ofMillis(50);

  private LeakCheck() {}

  /** Everything the session leaked, one description each; empty when nothing leaked. */
  static List<String> find(ServerSession session) {
    AtomicReference<List<String>> last = new AtomicReference<>(List.of());
    try {
      return Await.until("the server session of " + session.scenario() + " to leave nothing behind")
          .atMost(GRACE)
          .pollInterval(POLL)
          .until(() -> {
            last.set(findOnce(session));
            return last.get();
          }, List::isEmpty);
    } catch (AwaitTimeoutException | CancellationException e) {
      return last.get(); // still there after the grace period (or interrupted): leaks
    }
  }

  private static List<String> findOnce(ServerSession session) {
    TemporalManager manager = session.manager();
    List<String> leaks = new ArrayList<>(session.workerLeaks());
    int port = manager.port();
    boolean owned = manager.backend().ownsProcess();
    if (port > 0) {
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        String name = t.getName();
        if (t.isAlive() && name.startsWith(THREAD_PREFIX) && name.endsWith("-" + port)
            && !name.equals(ProcessSpawner.THREAD_NAME)) {
          leaks.add("thread '" + name + "' (" + t.getState() + ")");
        }
      }
    }
    if (!owned) {
      return leaks;
    }
    for (ProcessIdentity server : session.servers()) {
      if (server.isStillAlive()) {
        leaks.add("server process " + server);
      }
    }
    if (port > 0) {
      for (ProcessIdentity standby : standbysFor(port)) {
        leaks.add("standby process " + standby);
      }
    }
    if (port > 0 && !portIsFree(port)) {
      leaks.add("port " + port + " on 127.0.0.1 is still in use");
    }
    if (manager.holdsLock() || StateDirLock.isLockedByAnyone(manager.stateDir())) {
      leaks.add("the state dir lock " + manager.lockFile() + " is still held");
    }
    return leaks;
  }

  /**
   * Live warm standbys this JVM spawned for the port: children whose command runs the embedded
   * launcher as a standby for the port ({@link EmbeddedBackend#isStandbyFor}). While the class
   * runs a standby is expected; after it, one is a leak.
   */
  static List<ProcessIdentity> standbysFor(int port) {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
        .map(ProcessIdentity::of).flatMap(java.util.Optional::stream)
        .filter(id -> EmbeddedBackend.isStandbyFor(id.commandLine(), port)).toList();
  }


  /** Whether a loopback socket can bind the port right now. */
  static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
