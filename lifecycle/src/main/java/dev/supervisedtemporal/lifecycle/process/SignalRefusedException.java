package dev.supervisedtemporal.lifecycle.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Thrown instead of sending a signal to a process whose identity could not be verified. */
@API(status = INTERNAL, since = "0.1.0")
public final class SignalRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the process and the reason. */
  public SignalRefusedException(String message) {
    super(message);
  }
}
