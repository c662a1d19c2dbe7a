package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undoes everything this JVM still holds when it shuts down, in a fixed order of phases, from one
 * JVM shutdown hook.
 *
 * <p>Whoever acquires something that must not outlive the JVM (a suspended process, a running
 * supervisor or server, a lock) registers an entry in the matching {@link Phase} and closes the
 * returned {@link Entry} when it undoes the thing itself. At shutdown the phases run in their
 * declared order; each entry is guarded, so one that throws or hangs is logged and the rest still
 * run. Entries of a phase run newest first, or all at once for the phases whose entries are
 * independent and may each wait (stopping servers); a phase that overruns {@link #PHASE_BOUND}
 * is left running and the next phase starts, so a hung entry cannot hang the JVM's exit.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ShutdownRegistry {

  /** The order in which a shutting-down JVM undoes things. */
  @API(status = INTERNAL, since = "0.1.0")
  public enum Phase {
    /** Stops supervisors first, so that none restarts a server the later phases stop. */
    STOP_SUPERVISORS(true),
    /** Undoes injected faults: SIGCONT to suspended processes, port thieves and decoys killed. */
    UNDO_FAULTS(false),
    /** Stops workers and clients that still talk to a server, and measurement helpers. */
    STOP_CLIENTS(true),
    /** Stops servers and their warm standbys (TERM + CONT to the group, then KILL). */
    STOP_SERVERS(true),
    /** Removes pid files, releases state dir locks and deletes temporary state dirs. */
    RELEASE_FILES(false);

    private final boolean parallel;

    Phase(boolean parallel) {
      this.parallel = parallel;
    }
  }

  /** How long one phase may take before the hook moves on to the next. */
  public static final Duration PHASE_BOUND = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownRegistry.class);
  /** The registry of this JVM, run by its one shutdown hook. */
  private static final ShutdownRegistry JVM = new ShutdownRegistry();

  static {
    try {
      Runtime.getRuntime().addShutdownHook(
          new Thread(JVM::runAll, "supervised-temporal-shutdown"));
    } catch (IllegalStateException e) {
      LOG.warn("the JVM is already shutting down; nothing registered now is undone at exit");
    }
  }

  private final Map<Phase, Set<Entry>> open = new EnumMap<>(Phase.class);

  /** An empty registry; the JVM's own is reached through {@link #register}. */
  ShutdownRegistry() {
    for (Phase phase : Phase.values()) {
      open.put(phase, new LinkedHashSet<>());
    }
  }

  /**
   * Registers {@code action} to run in {@code phase} if the JVM shuts down before the returned
   * entry is closed.
   *
   * @param name what the action undoes, for the shutdown log (e.g. {@code heal suspend-1})
   */
  public static Entry register(Phase phase, String name, Runnable action) {
    return JVM.add(phase, name, action);
  }

  /** Adds an entry to this registry. */
  Entry add(Phase phase, String name, Runnable action) {
    Entry entry = new Entry(this, Objects.requireNonNull(phase, "phase"),
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(action, "action"));
    synchronized (open) {
      open.get(phase).add(entry);
    }
    return entry;
  }

  /** How many entries of the phase are registered now. */
  int openCount(Phase phase) {
    synchronized (open) {
      return open.get(phase).size();
    }
  }

  /** Runs every phase in order; what the JVM shutdown hook does. */
  void runAll() {
    for (Phase phase : Phase.values()) {
      List<Entry> entries;
      synchronized (open) {
        entries = new ArrayList<>(open.get(phase));
      }
      if (entries.isEmpty()) {
        continue;
      }
      Collections.reverse(entries);
      LOG.info("JVM shutdown: {} ({} entries)", phase, entries.size());
      CompletableFuture<?>[] running = phase.parallel
          ? entries.stream().map(e -> CompletableFuture.runAsync(e::runGuarded))
              .toArray(CompletableFuture[]::new)
          : new CompletableFuture<?>[] {
              CompletableFuture.runAsync(() -> entries.forEach(Entry::runGuarded))};
      try {
        CompletableFuture.allOf(running).get(PHASE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        LOG.error("JVM shutdown: not every entry of {} finished within {}; going on", phase,
            PHASE_BOUND);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        LOG.error("JVM shutdown: {} failed", phase, e); // entries are guarded; not expected
      }
    }
  }

  /** One registered action; closing it deregisters the action without running it. */
  @API(status = INTERNAL, since = "0.1.0")
  public static final class Entry implements AutoCloseable {
    private final ShutdownRegistry registry;
    private final Phase phase;
    private final String name;
    private final Runnable action;

    private Entry(ShutdownRegistry registry, Phase phase, String name, Runnable action) {
      this.registry = registry;
      this.phase = phase;
      this.name = name;
      this.action = action;
    }

    /** Deregisters the action (the owner undid the thing itself); idempotent. */
    @Override
    public void close() {
      synchronized (registry.open) {
        registry.open.get(phase).remove(this);
      }
    }

    private void runGuarded() {
      try {
        action.run();
      } catch (Throwable t) { // one failure must not skip the rest of the shutdown
        LOG.error("JVM shutdown: {} {} failed", phase, name, t);
      }
    }

    @Override
    public String toString() {
      return phase + " " + name;
    }
  }
}
