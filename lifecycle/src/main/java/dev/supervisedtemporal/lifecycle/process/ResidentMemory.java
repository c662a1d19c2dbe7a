package dev.supervisedtemporal.lifecycle.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/** Reads a process's resident memory (VmRSS) from {@code /proc/<pid>/status}. */
@API(status = INTERNAL, since = "0.1.0")
public final class ResidentMemory {

  private ResidentMemory() {}

  /** The process's resident set in bytes, or empty when the process or the file is gone. */
  public static OptionalLong bytes(long pid) {
    if (pid <= 1) {
      return OptionalLong.empty();
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // unknown
    }
    return OptionalLong.empty();
  }
}
