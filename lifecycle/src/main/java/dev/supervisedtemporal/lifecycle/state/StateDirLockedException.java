package dev.supervisedtemporal.lifecycle.state;

/** Thrown when another manager, in this JVM or another process, owns the state directory. */
public final class StateDirLockedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the directory and its owner. */
  public StateDirLockedException(String message) {
    super(message);
  }
}
