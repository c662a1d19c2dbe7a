package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.state.PidFile;
import dev.supervisedtemporal.lifecycle.state.StateDirLock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A manager's private state directory: its lock, the pid file of the running server and the
 * server log; creates the directory, cleans what an earlier owner left, and deletes it when the
 * manager created it.
 */
final class StateDir {

  /** Under the facade's name: users configure and read the manager's log lines as one. */
  private static final Logger LOG = LoggerFactory.getLogger(TemporalManager.class);
  private static final int TAIL_BYTES = 64 * 1024;

  private final Path dir;
  private final boolean owned;
  private final StateDirLock lock;
  private final PidFile pidFile;
  private final Path logFile;

  /**
   * @param owner who holds the lock, for the lock file and error messages
   * @param owned whether the manager created the directory (and so deletes it on close)
   */
  StateDir(Path dir, boolean owned, String owner) {
    this.dir = dir;
    this.owned = owned;
    this.lock = new StateDirLock(dir, owner);
    this.pidFile = new PidFile(dir);
    this.logFile = dir.resolve("server.log");
  }

  Path path() {
    return dir;
  }

  Path logFile() {
    return logFile;
  }

  Path pidFilePath() {
    return pidFile.path();
  }

  Path lockFile() {
    return lock.file();
  }

  boolean holdsLock() {
    return lock.isHeld();
  }

  /**
   * Creates the directory (owner-only) if needed, takes its lock, and cleans a stale pid file.
   *
   * @param justReplaced the server this manager itself replaced a moment ago, or null
   * @return what was found and cleaned, one note each
   * @throws dev.supervisedtemporal.lifecycle.state.StateDirLockedException when another manager
   *     holds the lock
   */
  List<String> acquire(ProcessIdentity justReplaced) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create state dir " + dir, e);
    }
    lock.acquire();
    return StaleState.clean(pidFile, justReplaced);
  }

  /** Records the running server so that a later owner can tell whether it outlived us. */
  void recordServer(ProcessIdentity identity, int port) {
    pidFile.write(identity, port);
  }

  /** Deletes the pid file (when we hold the lock) and releases the lock; idempotent. */
  void release() {
    if (lock.isHeld()) {
      pidFile.delete();
    }
    lock.release();
  }

  /** Deletes the directory if the manager created it. */
  void deleteIfOwned() {
    if (!owned || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.debug("cannot delete {}", p, e);
        }
      });
    } catch (IOException e) {
      LOG.debug("cannot delete {}", dir, e);
    }
  }

  /** The last {@code lines} lines of the server log. */
  List<String> logTail(int lines) {
    if (lines <= 0 || !Files.isRegularFile(logFile)) {
      return List.of();
    }
    try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
      long length = file.length();
      long from = Math.max(0, length - TAIL_BYTES);
      byte[] bytes = new byte[(int) (length - from)];
      file.seek(from);
      file.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
      return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return List.of("(cannot read " + logFile + ": " + e.getMessage() + ")");
    }
  }
}
