package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Thrown when a server could not be started; carries the command line and the server's last log
 * lines, so the message alone says what went wrong.
 */
@API(status = STABLE, since = "0.1.0")
public class TemporalStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final List<String> command;
  private final List<String> logTail;

  /** Creates the exception; the message gets the command and log tail appended. */
  public TemporalStartException(String reason, List<String> command, List<String> logTail,
      Throwable cause) {
    super(reason + "\n  command: " + String.join(" ", command)
        + (logTail.isEmpty() ? "\n  (the server wrote no log)"
            : "\n  last log lines:\n    " + String.join("\n    ", logTail)), cause);
    this.reason = reason;
    this.command = List.copyOf(command);
    this.logTail = List.copyOf(logTail);
  }

  /** Why the start failed, without the command and log tail. */
  public String reason() {
    return reason;
  }

  /** The command that was run. */
  public List<String> command() {
    return command;
  }

  /** The last lines the server wrote. */
  public List<String> logTail() {
    return logTail;
  }
}
