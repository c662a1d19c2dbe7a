package dev.supervisedtemporal.lifecycle.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Thrown when a pid file cannot be trusted: a link, unreadable, or malformed. */
@API(status = INTERNAL, since = "0.1.0")
public final class InvalidPidFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the file and the problem. */
  public InvalidPidFileException(String message) {
    super(message);
  }
}
