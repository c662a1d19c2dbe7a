package dev.supervisedtemporal.lifecycle.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Locates the per-user cache outside the repository where the embedded server's jar and its
 * class-data archives live: {@code supervised.temporal.cache-dir}, else
 * {@code $XDG_CACHE_HOME/supervised-temporal}, else {@code ~/.cache/supervised-temporal}.
 *
 * <p>The cache is optional: when it cannot be created or written, callers fall back to a
 * temporary directory and start without what only a cache can keep.
 */
final class CacheDir {

  private CacheDir() {}

  /**
   * The directory, created if needed, when it is writable; otherwise empty, and {@code problem}
   * receives why.
   */
  static Optional<Path> writable(Path dir, Consumer<String> problem) {
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      problem.accept("cannot create the cache directory " + dir + " (" + e + ")");
      return Optional.empty();
    }
    if (!Files.isWritable(dir)) {
      problem.accept("the cache directory " + dir + " is not writable");
      return Optional.empty();
    }
    return Optional.of(dir);
  }

  /** Where the cache directory is, whether or not it exists. */
  static Path location() {
    String configured = System.getProperty("supervised.temporal.cache-dir");
    Path dir;
    if (configured != null && !configured.isBlank()) {
      dir = Path.of(configured);
    } else {
      String xdg = System.getenv("XDG_CACHE_HOME");
      Path base = xdg != null && !xdg.isBlank()
          ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
      dir = base.resolve("supervised-temporal");
    }
    return dir.toAbsolutePath();
  }

  static String sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
