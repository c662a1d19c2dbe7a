package dev.supervisedtemporal.lifecycle.state;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Thrown when another manager, in this JVM or another process, owns the state directory. */
@API(status = STABLE, since = "0.1.0")
public final class StateDirLockedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the directory and its owner. */
  public StateDirLockedException(String message) {
    super(message);
  }
}
