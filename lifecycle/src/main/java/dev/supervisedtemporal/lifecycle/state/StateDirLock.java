package dev.supervisedtemporal.lifecycle.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Makes one manager the owner of a state directory, across threads and across JVMs.
 *
 * <p>A {@link FileLock} belongs to the whole JVM: a second {@code tryLock} in the same JVM throws
 * {@link OverlappingFileLockException} instead of reporting "locked". So ownership inside this
 * JVM is decided by a registry of directories first, and the file lock only arbitrates between
 * processes. The lock file records the owner's pid for the message another process gets.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class StateDirLock implements AutoCloseable {

  /** The lock file's name inside the state directory. */
  public static final String FILE_NAME = "manager.lock";

  private static final Map<Path, String> OWNED_IN_THIS_JVM = new ConcurrentHashMap<>();

  private final Path dir;
  private final Path file;
  private final String owner;
  private FileChannel channel;
  private FileLock lock;

  /** Prepares (does not take) the lock of a state directory for the named owner. */
  public StateDirLock(Path stateDir, String owner) {
    this.dir = stateDir.toAbsolutePath().normalize();
    this.file = dir.resolve(FILE_NAME);
    this.owner = owner;
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /** Whether this instance holds the lock. */
  public synchronized boolean isHeld() {
    return lock != null && lock.isValid();
  }

  /**
   * Takes the lock, or returns at once when this instance already holds it.
   *
   * @throws StateDirLockedException when someone else owns the directory
   */
  public synchronized void acquire() {
    if (isHeld()) {
      return;
    }
    String previous = OWNED_IN_THIS_JVM.putIfAbsent(dir, owner);
    if (previous != null && !previous.equals(owner)) {
      throw new StateDirLockedException("state dir " + dir + " is already owned by " + previous
          + " in this JVM; give each manager its own state dir");
    }
    try {
      if (Files.isSymbolicLink(file)) {
        Files.delete(file); // never write through a link someone planted
      }
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = readHolder();
        closeChannel();
        OWNED_IN_THIS_JVM.remove(dir, owner);
        throw new StateDirLockedException("state dir " + dir + " is locked by another process ("
            + holder + "); it runs a server there already. Use a different state dir, or "
            + "connect to that server with the external backend");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + "\nowner=" + owner
          + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
    } catch (IOException e) {
      closeChannel();
      OWNED_IN_THIS_JVM.remove(dir, owner);
      throw new UncheckedIOException("cannot lock state dir " + dir, e);
    }
  }

  /** Releases the lock; idempotent. */
  public synchronized void release() {
    if (lock != null) {
      try {
        lock.release();
      } catch (IOException e) {
        // closing the channel below releases it as well
      }
      lock = null;
    }
    closeChannel();
    OWNED_IN_THIS_JVM.remove(dir, owner);
  }

  @Override
  public void close() {
    release();
  }

  /** Whether any process, this one included, holds the lock of the directory right now. */
  public static boolean isLockedByAnyone(Path stateDir) {
    Path dir = stateDir.toAbsolutePath().normalize();
    if (OWNED_IN_THIS_JVM.containsKey(dir)) {
      return true;
    }
    Path file = dir.resolve(FILE_NAME);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (FileChannel probe = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock attempt = probe.tryLock();
      if (attempt == null) {
        return true;
      }
      attempt.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private String readHolder() {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(512);
      int n = channel.read(buffer, 0);
      String text = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8);
      return text.isBlank() ? "owner unknown" : text.trim().replace('\n', ' ');
    } catch (IOException e) {
      return "owner unknown";
    }
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing more to release
      }
      channel = null;
    }
  }
}
