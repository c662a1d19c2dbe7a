package dev.supervisedtemporal.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Reads a process's scheduler state letter ({@code R}, {@code S}, {@code T}, ...) from /proc. */
final class ProcState {

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

  /** Waits until the process is in the state; false when it did not get there in time. */
  static boolean await(long pid, char state, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Character> now = of(pid);
      if (now.isPresent() && now.get() == state) {
        return true;
      }
      if (now.isEmpty() || System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(1);
    }
  }
}
