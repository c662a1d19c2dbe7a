package dev.supervisedtemporal.lifecycle;

/** Thrown when a start was refused because the supervisor that asked for it is stopping. */
final class SpawnCancelledException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  SpawnCancelledException(String message) {
    super(message);
  }
}
