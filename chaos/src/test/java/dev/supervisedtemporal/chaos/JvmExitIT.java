package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.Signal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM that exits with faults open leaves no stopped server and no port thief behind. */
class JvmExitIT {

  @Test
  void theShutdownHookHealsOpenFaults(@TempDir Path dir) throws Exception {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ChaosChildMain.class.getName());
    HelperProcess child = HelperProcess.spawn(command, dir, "child");
    List<ProcessIdentity> seen = new ArrayList<>();
    try {
      long suspended = pidAfter(child.awaitLine("SUSPENDED", Servers.GENEROUS));
      identity(suspended).ifPresent(seen::add);
      long thief = pidAfter(child.awaitLine("THIEF", Servers.GENEROUS));
      identity(thief).ifPresent(seen::add);
      Servers.awaitGone(child.pid());
      Servers.awaitGone(thief);
      Servers.awaitGone(suspended);
      Servers.assertNotStopped(suspended);
      String output = Files.readString(dir.resolve("chaos-child.log"), StandardCharsets.UTF_8);
      assertThat(output).as(output).contains("FAULT_HEALED suspend-1")
          .contains("FAULT_HEALED steal-port-1");
    } finally {
      for (ProcessIdentity leftover : seen) {
        if (leftover.isStillAlive()) {
          ProcessGroups.signalGroup(leftover, Signal.KILL);
        }
      }
      child.stop();
      for (ProcessIdentity leftover : seen) {
        Optional<ProcessHandle> handle = ProcessHandle.of(leftover.pid());
        if (handle.isPresent() && leftover.isStillAlive()) {
          try {
            handle.get().onExit().get(10, TimeUnit.SECONDS);
          } catch (ExecutionException | TimeoutException e) {
            // reported by the assertions above
          }
        }
      }
    }
  }

  private static long pidAfter(String line) {
    return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
  }

  private static Optional<ProcessIdentity> identity(long pid) {
    return ProcessIdentity.of(pid);
  }
}
