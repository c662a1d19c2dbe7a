package dev.supervisedtemporal.lifecycle.process;

/** Thrown instead of sending a signal to a process whose identity could not be verified. */
public final class SignalRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the process and the reason. */
  public SignalRefusedException(String message) {
    super(message);
  }
}
