package dev.supervisedtemporal.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Signals that an event file breaks the contract in {@code docs/timing-events.md}; the message
 * names the file and the 1-based line so a person can open it and look.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class EventFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;

  /** Creates the exception for {@code file} at 1-based {@code line} (0 when about the whole file). */
  public EventFormatException(Path file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  /** Returns the offending file. */
  public Path file() {
    return file;
  }

  /** Returns the 1-based offending line, or 0 when the problem concerns the whole file. */
  public int line() {
    return line;
  }
}
