package dev.supervisedtemporal.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks every open {@link TemporalManager} and closes them when the JVM shuts down: all
 * supervisors first (so none restarts a server being stopped), then all servers, in parallel,
 * within a bound.
 */
final class OpenManagers {

  private static final Logger LOG = LoggerFactory.getLogger(OpenManagers.class);
  private static final long HOOK_BOUND_SECONDS = 20;
  private static final Set<TemporalManager> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(
        new Thread(OpenManagers::closeAll, "supervised-temporal-shutdown"));
  }

  private OpenManagers() {}

  static void register(TemporalManager manager) {
    OPEN.add(manager);
  }

  static void unregister(TemporalManager manager) {
    OPEN.remove(manager);
  }

  /** How many managers are open in this JVM. */
  static int openCount() {
    return OPEN.size();
  }

  private static void closeAll() {
    List<TemporalManager> managers = new ArrayList<>(OPEN);
    if (managers.isEmpty()) {
      return;
    }
    LOG.info("JVM shutdown: closing {} Temporal manager(s)", managers.size());
    try {
      CompletableFuture.allOf(managers.stream()
          .map(m -> CompletableFuture.runAsync(m::stopSupervisor))
          .toArray(CompletableFuture[]::new)).get(HOOK_BOUND_SECONDS / 2, TimeUnit.SECONDS);
      CompletableFuture.allOf(managers.stream()
          .map(m -> CompletableFuture.runAsync(m::close))
          .toArray(CompletableFuture[]::new)).get(HOOK_BOUND_SECONDS / 2, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.error("JVM shutdown: not every Temporal manager closed in time", e);
    }
  }
}
