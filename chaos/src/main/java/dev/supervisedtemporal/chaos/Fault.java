package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An injected fault; {@link #close()} (or {@link #heal()}) undoes it. Healing is idempotent and
 * also happens when the owning {@link Chaos} is closed and when the JVM shuts down.
 *
 * <pre>{@code
 * try (Fault pause = chaos.suspend()) {
 *   // the server is stopped (state T) here
 * } // SIGCONT sent
 * }</pre>
 */
@API(status = STABLE)
public final class Fault implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Fault.class);

  private final FaultRegistry owner;
  private final String id;
  private final FaultKind kind;
  private final long targetPid;
  private final AtomicBoolean healed = new AtomicBoolean();
  private volatile long helperPid = -1;
  private volatile long injectedNanos;
  private volatile Instant injectedAt;
  private volatile String result = "";
  private volatile String healResult = "";

  Fault(FaultRegistry owner, String id, FaultKind kind, long targetPid) {
    this.owner = owner;
    this.id = id;
    this.kind = kind;
    this.targetPid = targetPid;
  }

  /** The fault's id, unique within its event log (e.g. {@code suspend-2}). */
  public String id() {
    return id;
  }

  /** What kind of fault this is. */
  public FaultKind kind() {
    return kind;
  }

  /** The server pid the fault targets, or -1 when none ran. */
  public long targetPid() {
    return targetPid;
  }

  /** The helper process (port thief, decoy, lock holder), or -1 when the fault has none. */
  public long helperPid() {
    return helperPid;
  }

  /** The port thief's pid for {@link FaultKind#STEAL_PORT}; the same as {@link #helperPid()}. */
  public long thiefPid() {
    return helperPid;
  }

  /** When the fault's OS action happened, on the {@link System#nanoTime()} scale. */
  public long injectedNanos() {
    return injectedNanos;
  }

  /** What the injection did. */
  public String result() {
    return result;
  }

  /** What the heal did, or empty before it ran. */
  public String healResult() {
    return healResult;
  }

  /** Whether the fault has been healed. */
  public boolean isHealed() {
    return healed.get();
  }

  /**
   * Undoes the fault now, once: resumes a suspended group, releases a stolen port or held lock,
   * reaps a decoy, restores a pid file that still holds what chaos wrote.
   *
   * @throws IllegalStateException when the undo failed (the failure is also an event)
   */
  public void heal() {
    if (!healed.compareAndSet(false, true)) {
      return;
    }
    Undo undo = owner.release(this);
    String outcome;
    RuntimeException failure = null;
    try {
      outcome = undo.run();
    } catch (Exception e) {
      outcome = "heal failed: " + e;
      failure = new IllegalStateException("healing " + id + " failed", e);
      LOG.error("healing {} failed", id, e);
    }
    healResult = outcome;
    owner.healed(this, outcome);
    if (failure != null) {
      throw failure;
    }
  }

  /** Heals the fault; see {@link #heal()}. */
  @Override
  public void close() {
    heal();
  }

  @Override
  public String toString() {
    return id + " " + kind + (targetPid > 0 ? " pid " + targetPid : "")
        + (helperPid > 0 ? " helper " + helperPid : "") + (isHealed() ? " healed" : " open");
  }

  // ---------------------------------------------------------------- used while injecting

  /** Registers the undo with the owning registry; families call this before the OS action. */
  void onHeal(Undo action) {
    owner.onHeal(this, action);
  }

  void helperPid(long pid) {
    this.helperPid = pid;
  }

  /** Stamps the moment of the OS action. */
  void injectedNow() {
    this.injectedNanos = System.nanoTime();
    this.injectedAt = Instant.now();
  }

  boolean stamped() {
    return injectedAt != null;
  }

  Instant injectedAt() {
    return injectedAt;
  }

  void result(String text) {
    this.result = text;
  }
}
