package dev.supervisedtemporal.lifecycle;

import java.time.Duration;

/**
 * Thrown when a wait ends without its condition: says what was awaited, for how long, and the
 * last state observed.
 */
public final class AwaitTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String awaited;
  private final Duration timeout;
  private final String lastObserved;

  /** A timeout of the wait for {@code awaited} after {@code timeout}, having last seen that. */
  public AwaitTimeoutException(String awaited, Duration timeout, String lastObserved) {
    super("awaited " + awaited + " for " + timeout.toMillis() + " ms; last observed: "
        + lastObserved);
    this.awaited = awaited;
    this.timeout = timeout;
    this.lastObserved = lastObserved;
  }

  /** What was awaited. */
  public String awaited() {
    return awaited;
  }

  /** How long it was awaited. */
  public Duration timeout() {
    return timeout;
  }

  /** The last state observed before giving up, as text. */
  public String lastObserved() {
    return lastObserved;
  }
}
