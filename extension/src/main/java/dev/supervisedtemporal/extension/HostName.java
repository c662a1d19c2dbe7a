package dev.supervisedtemporal.extension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds this machine's name without a DNS lookup (which can block for seconds). */
final class HostName {

  private static volatile String cached;

  private HostName() {}

  /** {@code $HOSTNAME}, else {@code /etc/hostname}, else {@code unknown}. */
  static String get() {
    String name = cached;
    if (name == null) {
      name = System.getenv("HOSTNAME");
      if (name == null || name.isBlank()) {
        try {
          name = Files.readString(Path.of("/etc/hostname")).trim();
        } catch (IOException | RuntimeException e) {
          name = "";
        }
      }
      if (name.isBlank()) {
        name = "unknown";
      }
      cached = name;
    }
    return name;
  }
}
