package dev.supervisedtemporal.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Changes a pid file and puts it back: remembers the bytes before the change, and on restore
 * touches the file only while it still holds what chaos left there (a manager that rewrote it
 * since is not overruled).
 */
final class PidFileTamper {

  private final Path file;
  private final byte[] original;
  private volatile boolean changed;
  private volatile byte[] written;

  private PidFileTamper(Path file, byte[] original) {
    this.file = file;
    this.original = original;
  }

  /** Remembers the file's current bytes (or that it is absent). */
  static PidFileTamper snapshot(Path file) throws IOException {
    return new PidFileTamper(file, read(file));
  }

  /** Replaces the file atomically with the bytes. */
  void write(byte[] bytes) throws IOException {
    written = bytes.clone();
    changed = true;
    Path temp = file.resolveSibling(file.getFileName() + ".chaos-tmp");
    Files.write(temp, bytes);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes the file. */
  void delete() throws IOException {
    written = null;
    changed = true;
    Files.deleteIfExists(file);
  }

  /**
   * Undoes the change if the file still shows it: puts the original bytes back when the server
   * they describe still runs, else removes what chaos wrote.
   */
  String restore(boolean sameServerRuns) throws IOException {
    if (!changed) {
      return "pid file untouched";
    }
    if (!Files.isDirectory(file.getParent())) {
      return "state dir is gone; nothing to restore";
    }
    byte[] now = read(file);
    byte[] ours = written;
    boolean stillOurs = ours == null ? now == null : Arrays.equals(now, ours);
    if (!stillOurs) {
      return "pid file left alone: the manager has changed or removed it since";
    }
    if (original != null && sameServerRuns) {
      write(original);
      changed = false;
      return "original pid file restored";
    }
    if (ours != null) {
      Files.deleteIfExists(file);
      return "chaos content removed (the server it described is gone)";
    }
    return "pid file left absent (the server it described is gone)";
  }

  private static byte[] read(Path file) throws IOException {
    if (Files.isSymbolicLink(file) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
