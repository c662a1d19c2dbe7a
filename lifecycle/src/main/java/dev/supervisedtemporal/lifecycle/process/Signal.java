package dev.supervisedtemporal.lifecycle.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The POSIX signals this library sends, with their Linux numbers. */
@API(status = INTERNAL, since = "0.1.0")
public enum Signal {
  /** Ask to terminate; pending while the process is stopped. */
  TERM(15),
  /** Terminate at once; cannot be caught. */
  KILL(9),
  /** Stop (suspend) the process; cannot be caught. */
  STOP(19),
  /** Continue a stopped process. */
  CONT(18);

  private final int number;

  Signal(int number) {
    this.number = number;
  }

  /** The signal number on Linux (x86_64 and aarch64). */
  public int number() {
    return number;
  }
}
