package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.Await;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.process.Listener;
import dev.supervisedtemporal.lifecycle.process.PortOwnership;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Steals the server's port: kills the server and has a helper process ({@link PortThiefMain})
 * bind the port before a restart can; healing kills the thief, which releases the port.
 */
final class PortFaults {

  private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration EXIT_POLL = Duration.ofMillis(1);

  private final TemporalManager manager;
  private final FaultRegistry registry;

  PortFaults(TemporalManager manager, FaultRegistry registry) {
    this.manager = manager;
    this.registry = registry;
  }

  /** Kills the server, then the thief binds its port on 127.0.0.1; returns once it is held. */
  Fault stealPort() {
    return registry.inject(FaultKind.STEAL_PORT, f -> {
      int port = manager.port();
      if (port <= 0) {
        throw new FaultRefusedException("STEAL_PORT refused: " + manager + " has no port yet");
      }
      Optional<ProcessIdentity> server = manager.serverIdentity()
          .filter(id -> id.mismatch().isEmpty());
      if (server.isPresent()) {
        GroupSignals.serverOf(manager, FaultKind.STEAL_PORT);
      }
      Path dir = manager.stateDir();
      Path go = dir.resolve("chaos-" + f.id() + ".go");
      AtomicReference<HelperProcess> thief = new AtomicReference<>();
      f.onHeal(() -> {
        HelperProcess h = thief.get();
        String done = h == null ? "no thief was started" : h.stop() + "; port " + port
            + " released";
        Files.deleteIfExists(go);
        return done;
      });
      Files.deleteIfExists(go);
      HelperProcess h = HelperProcess.java(PortThiefMain.class,
          List.of("127.0.0.1", Integer.toString(port), go.toString()), dir, f.id());
      thief.set(h);
      f.helperPid(h.pid());
      h.awaitLine("READY", HELPER_TIMEOUT);
      String killed = "no server was running";
      if (server.isPresent()) {
        GroupSignals.send(server.get(), FaultKind.STEAL_PORT, f, Signal.KILL);
        awaitGone(server.get());
        killed = "server " + server.get().pid() + " killed";
      } else {
        f.injectedNow();
      }
      Files.createFile(go);
      h.awaitLine("BOUND", HELPER_TIMEOUT);
      return killed + "; port 127.0.0.1:" + port + " held by " + describeOwner(port, h.pid());
    });
  }

  private static String describeOwner(int port, long thiefPid) {
    PortOwnership ports = new PortOwnership();
    if (!ports.isSupported()) {
      return "thief pid " + thiefPid;
    }
    List<Listener> listeners = ports.listenersWithOwners(port, Set.of(thiefPid));
    return listeners.stream().map(l -> l.address() + " by pid " + l.ownerPid().orElse(-1L))
        .collect(Collectors.joining(", ", "listener ", ""));
  }

  private static void awaitGone(ProcessIdentity server) {
    Await.until(server + " to exit").atMost(EXIT_TIMEOUT).pollInterval(EXIT_POLL)
        .until(() -> server.mismatch().map(gone -> "gone: " + gone).orElse("still running"),
            seen -> seen.startsWith("gone"));
  }
}
