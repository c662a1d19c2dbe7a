package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.backend.ServerBackend;
import dev.supervisedtemporal.lifecycle.settings.InvalidSettingException;
import dev.supervisedtemporal.lifecycle.settings.SettingRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * Validates the settings of a {@link TemporalManager.Builder} before anything starts, through
 * the one rule of each setting in {@link SettingRules} (an {@link InvalidSettingException}
 * naming the setting, its value and what is accepted); and creates the private temporary state
 * dir when none is given.
 */
final class SettingChecks {

  private SettingChecks() {}

  /** Checks the settings that need no backend, each by its one rule in {@link SettingRules}. */
  static void checkBasics(int port, Duration startupTimeout, Duration stopGracePeriod,
      String namespace, Path cliPath, String target, boolean backendGiven, BackendKind kind) {
    SettingRules.port("port", port);
    SettingRules.positive("startupTimeout", startupTimeout);
    SettingRules.positive("stopGracePeriod", stopGracePeriod);
    SettingRules.namespace("namespace", namespace);
    if (cliPath != null) {
      SettingRules.cliPath("cliPath", cliPath);
    }
    if (target != null && !backendGiven && kind != BackendKind.EXTERNAL) {
      throw new InvalidSettingException("target", "'" + target + "'", "is only used with "
          + "backend = external", "no target, or backend(BackendKind.EXTERNAL)");
    }
  }

  /** Checks the standby settings against the chosen backend. */
  static void checkStandby(StandbyMode mode, Integer count, ServerBackend chosen) {
    if (count != null) {
      SettingRules.standbyCount("standbyCount", count);
    }
    if (count != null && mode == StandbyMode.OFF) {
      throw new InvalidSettingException("standbyCount", String.valueOf(count),
          "needs a standby, but standby = off", "standby = on or after-first-restart with it, "
          + "or no standbyCount");
    }
    checkBackendKeepsStandby("standby", mode, chosen, "off");
  }

  /** Checks a supervisor policy's standby against the manager's backend. */
  static void checkPolicyStandby(StandbyMode mode, ServerBackend backend) {
    checkBackendKeepsStandby("policy standby", mode, backend, "no standby in the policy");
  }

  private static void checkBackendKeepsStandby(String setting, StandbyMode mode,
      ServerBackend backend, String withoutStandby) {
    if (mode != StandbyMode.OFF && !backend.supportsStandby()) {
      throw new InvalidSettingException(setting, mode.settingName(), "needs a backend that "
          + "starts a server without binding its port, but backend = " + backend.name(),
          withoutStandby + " with this backend, or backend = embedded");
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
}
