package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Thrown instead of injecting a fault that would touch a process we cannot prove is ours, or
 * that cannot be injected in the current state; nothing was done.
 */
@API(status = STABLE)
public final class FaultRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the fault and the reason. */
  public FaultRefusedException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the refusal it comes from. */
  public FaultRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
