package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.Signal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that exits normally with a supervised server suspended by a fault runs one shutdown hook
 * whose phases come in order: the supervisor stops, the fault is undone (SIGCONT), and only
 * then is the server stopped and its files released; nothing is left behind.
 */
class ShutdownOrderIT {

  @Test
  void theHookStopsSupervisorsThenHealsFaultsThenStopsServersThenReleasesFiles(
      @TempDir Path dir) throws Exception {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ShutdownOrderChildMain.class.getName());
    HelperProcess child = HelperProcess.spawn(command, dir, "child");
    Optional<ProcessIdentity> server = Optional.empty();
    try {
      Path stateDir = Path.of(rest(child.awaitLine("STATE_DIR", Servers.GENEROUS)));
      Path lockFile = Path.of(rest(child.awaitLine("LOCK_FILE", Servers.GENEROUS)));
      long suspended = Long.parseLong(rest(child.awaitLine("SUSPENDED", Servers.GENEROUS)));
      server = ProcessIdentity.of(suspended);
      Servers.awaitGone(child.pid());
      Servers.awaitGone(suspended);
      Servers.assertNotStopped(suspended);

      List<String> lines = Files.readAllLines(dir.resolve("chaos-child.log"),
          StandardCharsets.UTF_8);
      String output = String.join("\n", lines);
      int supervisors = indexOf(lines, "JVM shutdown: STOP_SUPERVISORS");
      int healed = indexOf(lines, "FAULT_HEALED suspend-1");
      int servers = indexOf(lines, "JVM shutdown: STOP_SERVERS");
      int files = indexOf(lines, "JVM shutdown: RELEASE_FILES");
      assertThat(supervisors).as(output).isNotNegative();
      assertThat(healed).as("the SIGCONT comes after the supervisor stopped\n" + output)
          .isGreaterThan(supervisors);
      assertThat(servers).as("the server is stopped after its SIGCONT\n" + output)
          .isGreaterThan(healed);
      assertThat(files).as("files are released after the server stopped\n" + output)
          .isGreaterThan(servers);
      assertThat(lines).as("no shutdown entry failed or overran").noneMatch(l ->
          l.contains("JVM shutdown") && (l.contains("failed") || l.contains("not every")));
      assertThat(lockFile).doesNotExist();
      assertThat(stateDir).as("the temporary state dir is deleted").doesNotExist();
    } finally {
      if (server.isPresent() && server.get().isStillAlive()) {
        ProcessGroups.signalGroup(server.get(), Signal.KILL);
      }
      child.stop();
    }
  }

  private static String rest(String line) {
    return line.substring(line.indexOf(' ') + 1);
  }

  private static int indexOf(List<String> lines, String fragment) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        return i;
      }
    }
    return -1;
  }
}
