package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.state.InvalidPidFileException;
import dev.supervisedtemporal.lifecycle.state.PidFile;
import dev.supervisedtemporal.lifecycle.state.StateDirLock;
import dev.supervisedtemporal.lifecycle.state.StateDirLockedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the temporary state dirs that managers of dead host JVMs left behind (a host that was
 * SIGKILLed never runs its shutdown hook), so a CI machine does not pile them up.
 *
 * <p>A dir is swept only when all of these hold: its name has our prefix, it is a real directory
 * (not a link) owned by this user, its owner file names a host process that is gone (pid and
 * start time), we can take its lock (nobody else holds it), and its pid file names no live
 * server (pid, start time and command line all match). Anything else is left alone.
 */
final class StaleStateDirs {

  /** The prefix of every temporary state dir a manager creates. */
  static final String PREFIX = "supervised-temporal-";
  /** The file in a temporary state dir naming the host process that created it. */
  static final String OWNER_FILE = "owner";

  private static final Logger LOG = LoggerFactory.getLogger(StaleStateDirs.class);

  private StaleStateDirs() {}

  /** Records this host JVM as the owner of a temporary state dir it just created. */
  static void markOwned(Path dir) {
    ProcessHandle self = ProcessHandle.current();
    String start = self.info().startInstant().map(Instant::toString).orElse("");
    try {
      Files.writeString(dir.resolve(OWNER_FILE), "pid=" + self.pid() + "\nstart=" + start
          + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the owner file of state dir " + dir, e);
    }
  }

  /**
   * Sweeps the stale state dirs under a temporary directory root.
   *
   * @return the dirs removed
   */
  static List<Path> sweep(Path root) {
    List<Path> removed = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, PREFIX + "*")) {
      for (Path dir : entries) {
        try {
          if (isStale(dir) && removeLocked(dir)) {
            removed.add(dir);
            LOG.info("removed state dir {} left by a host that is gone", dir);
          }
        } catch (IOException | UncheckedIOException | SecurityException e) {
          LOG.debug("not sweeping {}: {}", dir, e.toString());
        }
      }
    } catch (IOException | UncheckedIOException | SecurityException e) {
      LOG.debug("cannot list {} for stale state dirs: {}", root, e.toString());
    }
    return removed;
  }

  private static boolean isStale(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
        || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName()
            .equals(System.getProperty("user.name"))) {
      return false;
    }
    Path ownerFile = dir.resolve(OWNER_FILE);
    if (!Files.isRegularFile(ownerFile, LinkOption.NOFOLLOW_LINKS)) {
      return false; // being created right now, or not one of ours: leave it
    }
    return !ownerLives(Files.readAllLines(ownerFile, StandardCharsets.UTF_8));
  }

  /** Whether the recorded owner still runs; unreadable records count as alive (keep the dir). */
  private static boolean ownerLives(List<String> lines) {
    long pid = -1;
    String start = null;
    for (String line : lines) {
      if (line.startsWith("pid=")) {
        try {
          pid = Long.parseLong(line.substring(4).trim());
        } catch (NumberFormatException e) {
          return true;
        }
      } else if (line.startsWith("start=")) {
        start = line.substring(6).trim();
      }
    }
    if (pid <= 0 || start == null) {
      return true;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (handle.isEmpty()) {
      return false;
    }
    String recorded = start;
    return handle.get().info().startInstant().map(i -> recorded.isEmpty()
        || i.toString().equals(recorded)).orElse(true);
  }

  /** Takes the dir's lock, checks no server of it lives, and deletes it; false when kept. */
  private static boolean removeLocked(Path dir) throws IOException {
    StateDirLock lock = new StateDirLock(dir, "stale state dir sweep (pid "
        + ProcessHandle.current().pid() + ")");
    try {
      lock.acquire();
    } catch (StateDirLockedException e) {
      return false;
    }
    try {
      if (serverLives(new PidFile(dir))) {
        LOG.warn("keeping state dir {}: its host is gone but its server still runs", dir);
        return false;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder())
            .filter(p -> !p.equals(dir) && !p.equals(lock.file())).toList()) {
          Files.deleteIfExists(p);
        }
      }
    } finally {
      lock.release();
    }
    Files.deleteIfExists(lock.file());
    Files.deleteIfExists(dir);
    return true;
  }

  private static boolean serverLives(PidFile pidFile) {
    if (!pidFile.exists()) {
      return false;
    }
    try {
      return pidFile.read().identity().mismatch().isEmpty();
    } catch (InvalidPidFileException e) {
      return false;
    }
  }
}
