package dev.supervisedtemporal.lifecycle.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Locates the per-user cache outside the repository where launcher jars and class-data archives
 * live: {@code supervised.temporal.cache-dir}, else {@code $XDG_CACHE_HOME/supervised-temporal},
 * else {@code ~/.cache/supervised-temporal}.
 */
final class CacheDir {

  private CacheDir() {}

  static Path resolve() {
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
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the cache directory " + dir
          + " (set supervised.temporal.cache-dir to a writable folder)", e);
    }
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
