package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.process.ProcessSpawner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks, before anything starts, that this host has what the library needs: Linux with
 * {@code /proc}, util-linux's {@code setsid} and {@code setpriv} for servers it owns, and grpc
 * with the Temporal API stubs (the user's own Temporal SDK) for the health probe.
 */
final class HostRequirements {

  private static final List<String> CLIENT_CLASSES = List.of(
      "io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder",
      "io.grpc.health.v1.HealthGrpc",
      "io.temporal.api.workflowservice.v1.WorkflowServiceGrpc");

  private HostRequirements() {}

  /**
   * Throws when something is missing, naming all of it.
   *
   * @param ownsProcess whether the backend starts and signals a server process
   * @throws IllegalStateException naming what this host lacks
   */
  static void check(boolean ownsProcess) {
    List<String> missing = new ArrayList<>();
    if (ownsProcess) {
      missing.addAll(missingPlatform(System.getProperty("os.name", "?"), Files::isReadable,
          ProcessSpawner.canIsolateGroups(), ProcessSpawner.hasParentDeathSignal()));
    }
    missing.addAll(missingClasses(HostRequirements.class.getClassLoader()));
    if (!missing.isEmpty()) {
      throw new IllegalStateException("supervised-temporal cannot run on this host (os.name = "
          + System.getProperty("os.name") + "); missing: " + String.join("; ", missing));
    }
  }

  /** What a host described by the arguments lacks to own server processes; empty when none. */
  static List<String> missingPlatform(String osName, Predicate<Path> readable, boolean setsid,
      boolean setpriv) {
    List<String> missing = new ArrayList<>();
    if (!osName.startsWith("Linux")) {
      missing.add("Linux (the library is Linux-only)");
    }
    if (!readable.test(Path.of("/proc/self/stat")) || !readable.test(Path.of("/proc/net/tcp"))) {
      missing.add("/proc (process identity and port ownership)");
    }
    if (!setsid) {
      missing.add(
          "setsid (util-linux, in /usr/bin or /bin: each server in its own process group)");
    }
    if (!setpriv) {
      missing.add("setpriv (util-linux, in /usr/bin or /bin: servers die with this JVM)");
    }
    return missing;
  }

  /** Which of the client classes the probe needs are not visible to the loader. */
  static List<String> missingClasses(ClassLoader loader) {
    for (String name : CLIENT_CLASSES) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return List.of(name + " (add io.temporal:temporal-sdk or temporal-serviceclient, "
            + "1.30.1 or newer, to the class path)");
      }
    }
    return List.of();
  }
}
