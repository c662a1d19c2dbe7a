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
 * independent and may each wait (stopping servers), within {@link #PHASE_BOUND}.
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
    /** Stops workers and clients that still talk to a server. */
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
  private static final Map<Phase, Set<Entry>> OPEN = new EnumMap<>(Phase.class);

  static {
    for (Phase phase : Phase.values()) {
      OPEN.put(phase, new LinkedHashSet<>());
    }
    try {
      Runtime.getRuntime().addShutdownHook(
          new Thread(ShutdownRegistry::runAll, "supervised-temporal-shutdown"));
    } catch (IllegalStateException e) {
      LOG.warn("the JVM is already shutting down; nothing registered now is undone at exit");
    }
  }

  private ShutdownRegistry() {}

  /**
   * Registers {@code action} to run in {@code phase} if the JVM shuts down before the returned
   * entry is closed.
   *
   * @param name what the action undoes, for the shutdown log (e.g. {@code heal suspend-1})
   */
  public static Entry register(Phase phase, String name, Runnable action) {
    Entry entry = new Entry(Objects.requireNonNull(phase, "phase"),
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(action, "action"));
    synchronized (OPEN) {
      OPEN.get(phase).add(entry);
    }
    return entry;
  }

  /** How many entries of the phase are registered now. */
  static int openCount(Phase phase) {
    synchronized (OPEN) {
      return OPEN.get(phase).size();
    }
  }

  /** Runs every phase in order; what the JVM shutdown hook does. */
  static void runAll() {
    for (Phase phase : Phase.values()) {
      List<Entry> entries;
      synchronized (OPEN) {
        entries = new ArrayList<>(OPEN.get(phase));
      }
      if (entries.isEmpty()) {
        continue;
      }
      Collections.reverse(entries);
      LOG.info("JVM shutdown: {} ({} entries)", phase, entries.size());
      if (phase.parallel) {
        runParallel(phase, entries);
      } else {
        long deadline = System.nanoTime() + PHASE_BOUND.toNanos();
        for (Entry entry : entries) {
          if (System.nanoTime() > deadline) {
            LOG.error("JVM shutdown: {} took longer than {}; skipped {}", phase, PHASE_BOUND,
                entry.name);
            continue;
          }
          entry.runGuarded();
        }
      }
    }
  }

  private static void runParallel(Phase phase, List<Entry> entries) {
    CompletableFuture<?>[] running = entries.stream()
        .map(e -> CompletableFuture.runAsync(e::runGuarded)).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(running).get(PHASE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.error("JVM shutdown: not every entry of {} finished within {}", phase, PHASE_BOUND);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.error("JVM shutdown: {} failed", phase, e); // entries are guarded; not expected
    }
  }

  /** One registered action; closing it deregisters the action without running it. */
  @API(status = INTERNAL, since = "0.1.0")
  public static final class Entry implements AutoCloseable {
    private final Phase phase;
    private final String name;
    private final Runnable action;

    private Entry(Phase phase, String name, Runnable action) {
      this.phase = phase;
      this.name = name;
      this.action = action;
    }

    /** Deregisters the action (the owner undid the thing itself); idempotent. */
    @Override
    public void close() {
      synchronized (OPEN) {
        OPEN.get(phase).remove(this);
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
