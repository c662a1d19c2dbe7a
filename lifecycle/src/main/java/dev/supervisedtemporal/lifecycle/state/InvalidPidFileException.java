package dev.supervisedtemporal.lifecycle.state;

/** Thrown when a pid file cannot be trusted: a link, unreadable, or malformed. */
public final class InvalidPidFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the file and the problem. */
  public InvalidPidFileException(String message) {
    super(message);
  }
}
