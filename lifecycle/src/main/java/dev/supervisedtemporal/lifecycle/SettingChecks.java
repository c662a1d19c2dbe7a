package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.backend.ServerBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Validates the settings of a {@link TemporalManager.Builder} before anything starts, each
 * failure an {@link IllegalArgumentException} naming the setting, its value and what is accepted;
 * and creates the private temporary state dir when none is given.
 */
final class SettingChecks {

  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

  private SettingChecks() {}

  /** Checks the settings that need no backend. */
  static void checkBasics(int port, Duration startupTimeout, Duration stopGracePeriod,
      String namespace, Path cliPath, String target, boolean backendGiven, BackendKind kind) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port = " + port + "; accepted: 0-65535 (0 picks a "
          + "free port)");
    }
    positive("startupTimeout", startupTimeout);
    positive("stopGracePeriod", stopGracePeriod);
    if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("namespace = '" + namespace + "'; accepted: 1-255 "
          + "letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (cliPath != null && (!Files.isRegularFile(cliPath) || !Files.isExecutable(cliPath))) {
      throw new IllegalArgumentException("cliPath = '" + cliPath + "' is not an executable "
          + "file; accepted: the path of a Temporal CLI binary");
    }
    if (target != null && !backendGiven && kind != BackendKind.EXTERNAL) {
      throw new IllegalArgumentException("target = '" + target + "' is only used with backend "
          + "= external; accepted: no target, or backend(BackendKind.EXTERNAL)");
    }
  }

  /** Checks the standby settings against the chosen backend. */
  static void checkStandby(StandbyMode mode, Integer count, ServerBackend chosen) {
    if (count != null && (count < 1 || count > Standby.MAX_COUNT)) {
      throw new IllegalArgumentException("standbyCount = " + count + " is out of range; "
          + "accepted: 1-" + Standby.MAX_COUNT);
    }
    if (count != null && mode == StandbyMode.OFF) {
      throw new IllegalArgumentException("standbyCount = " + count + " needs a standby, "
          + "but standby = off; accepted: standby = on or after-first-restart with it, or no "
          + "standbyCount");
    }
    if (mode != StandbyMode.OFF && !chosen.supportsStandby()) {
      throw new IllegalArgumentException("standby = " + mode.settingName() + ", but the "
          + chosen.name() + " backend cannot start a server without binding its port; "
          + "accepted with this backend: off (or use backend = embedded)");
    }
  }

  /** Checks that a given state dir is, or can become, a writable directory. */
  static void checkStateDir(Path dir) {
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new IllegalArgumentException("stateDir = '" + dir + "' "
          + (existing.equals(dir.toAbsolutePath()) ? "is a regular file"
              : "is under a regular file (" + existing + ")")
          + "; accepted: a writable directory, or one that can be created");
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      throw new IllegalArgumentException("stateDir = '" + dir + "' is not a writable directory"
          + (existing != null && !existing.equals(dir.toAbsolutePath())
              ? " (" + existing + " is not writable)" : "")
          + "; accepted: a writable directory, or one that can be created");
    }
  }

  /**
   * Creates a fresh private state dir under {@code java.io.tmpdir} (or the test root), after
   * sweeping the ones that hosts which are gone left there.
   */
  static Path createTempStateDir(Path testRoot) {
    String property = System.getProperty("java.io.tmpdir");
    Path root = testRoot != null ? testRoot
        : Path.of(property == null || property.isBlank() ? "/tmp" : property);
    if (!Files.isDirectory(root) || !Files.isWritable(root)) {
      String what = !Files.exists(root) ? "does not exist"
          : !Files.isDirectory(root) ? "is a regular file, not a directory" : "is not writable";
      throw new IllegalArgumentException("java.io.tmpdir = '" + root + "' " + what
          + "; accepted: a writable directory for the temporary state dir (-Djava.io.tmpdir), "
          + "or set stateDir");
    }
    StaleStateDirs.sweep(root);
    try {
      Path dir = Files.createTempDirectory(root, StaleStateDirs.PREFIX, PosixFilePermissions
          .asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      StaleStateDirs.markOwned(dir);
      return dir;
    } catch (IOException e) {
      throw new IllegalArgumentException("java.io.tmpdir = '" + root + "': cannot create a "
          + "temporary state dir there (" + e + "); accepted: a writable directory, or set "
          + "stateDir", e);
    }
  }

  private static void positive(String setting, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          setting + " = " + value + "; accepted: a positive duration");
    }
  }
}
