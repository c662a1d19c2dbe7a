package dev.supervisedtemporal.lifecycle;

import java.util.concurrent.Callable;

/**
 * Lets a process be spawned only while open; closing it waits for a spawn under way.
 *
 * <p>This is what makes "no restart once stop began" race-free: {@link Supervisor#stop()} closes
 * the gate first, and the manager spawns only inside {@link #spawnIfOpen}.
 */
final class SpawnGate {

  /** A gate that never closes, for starts that no supervisor owns. */
  static final SpawnGate ALWAYS_OPEN = new SpawnGate();

  private boolean closed;

  /**
   * Runs the spawn while holding the gate, if it is open.
   *
   * @throws SpawnCancelledException when the gate is closed
   */
  synchronized <T> T spawnIfOpen(Callable<T> spawn) throws Exception {
    if (closed) {
      throw new SpawnCancelledException("the supervisor is stopping; no new server is started");
    }
    return spawn.call();
  }

  /** Closes the gate, after any spawn under way has returned. */
  synchronized void close() {
    if (this == ALWAYS_OPEN) {
      throw new IllegalStateException("the always-open gate cannot be closed");
    }
    closed = true;
  }

  synchronized boolean isClosed() {
    return closed;
  }
}
