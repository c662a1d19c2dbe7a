package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Names the faults {@link Chaos} can inject; the names are the {@code fault} field of events. */
@API(status = STABLE)
public enum FaultKind {
  /** SIGKILL (+ SIGCONT) to the server's process group. */
  KILL(false),
  /** SIGTERM + SIGCONT to the server's process group. */
  TERMINATE(false),
  /** SIGSTOP to the server's process group until healed (SIGCONT). */
  SUSPEND(true),
  /** SIGSTOP to the server's process group, SIGCONT after a duration or when healed. */
  HANG(true),
  /** The server is killed and a helper process binds its port until healed. */
  STEAL_PORT(true),
  /** The pid file is overwritten with garbage until healed. */
  CORRUPT_PID_FILE(true),
  /** The pid file is deleted until healed. */
  DELETE_PID_FILE(true),
  /** The pid file names a live decoy process (the pid-reuse case) until healed. */
  FOREIGN_PID_FILE(true),
  /** A helper process holds the state dir's lock until healed. */
  HOLD_LOCK(true),
  /** The server is killed while its supervisor is being stopped. */
  KILL_DURING_STOP(false);

  private final boolean lasting;

  FaultKind(boolean lasting) {
    this.lasting = lasting;
  }

  /** Whether the fault stays in effect until it is healed (false: a one-shot signal). */
  public boolean lasting() {
    return lasting;
  }
}
