package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Thrown when a wait ends without its condition: says what was awaited, for how long, and the
 * last state observed.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
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
