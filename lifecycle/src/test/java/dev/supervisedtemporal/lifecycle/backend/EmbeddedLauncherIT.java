package dev.supervisedtemporal.lifecycle.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded launcher, run as the manager runs it, on a port another process took after the
 * manager's own check: the race a supervisor's immediate restart runs against a port thief.
 */
class EmbeddedLauncherIT {

  @Test
  void aPortTakenBeforeTheBindExitsWithThePortInUseCode(@TempDir Path dir) throws Exception {
    EmbeddedBackend backend = new EmbeddedBackend(true);
    try (ServerSocket thief = new ServerSocket()) {
      thief.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      List<String> command =
          backend.command(new LaunchSpec(thief.getLocalPort(), dir, "default", false));
      Path log = dir.resolve("launcher.log");
      Process launcher = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      try {
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
        assertThat(launcher.exitValue())
            .as("exit code (98: port in use); log:%n%s", Files.readString(log))
            .isEqualTo(EmbeddedBackend.EXIT_PORT_IN_USE);
        assertThat(backend.exitedBecausePortInUse(launcher.exitValue(), List.of())).isTrue();
      } finally {
        launcher.destroyForcibly();
        launcher.waitFor();
      }
    }
  }
}
