package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.Await;
import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Reads a process's scheduler state letter ({@code R}, {@code S}, {@code T}, ...) from /proc. */
final class ProcState {

  private static final Duration POLL = Duration.ofMillis(1);

  private ProcState() {}

  /** The state letter of the process, or empty when it is gone. */
  static Optional<Character> of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"),
          StandardCharsets.US_ASCII);
      int close = stat.lastIndexOf(')');
      if (close < 0 || close + 2 >= stat.length()) {
        return Optional.empty();
      }
      return Optional.of(stat.charAt(close + 2));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Waits until the process is in the state; false when it is gone first or does not get there
   * in time (the caller reports that rather than failing).
   */
  static boolean await(long pid, char state, Duration timeout) {
    try {
      return Await.until("pid " + pid + " to be in state " + state).atMost(timeout)
          .pollInterval(POLL)
          .until(() -> of(pid), now -> now.isEmpty() || now.get() == state)
          .isPresent();
    } catch (AwaitTimeoutException e) {
      return false;
    }
  }
}
