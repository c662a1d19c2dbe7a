package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A host that is not Linux gets a clear error from the builder, before anything starts. */
class HostRequirementsIT {

  @TempDir
  Path stateDir;

  @Test
  @Timeout(120)
  void anotherSystemFailsBeforeAnythingStarts() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process host = new ProcessBuilder(List.of(java.toString(), "-Dos.name=Plan9", "-cp",
        System.getProperty("java.class.path"), HostFixtureMain.class.getName(),
        stateDir.toString(), "exit"))
        .redirectErrorStream(true).start();
    try {
      String output = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(host.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(host.exitValue()).as(output).isNotZero();
      assertThat(output)
          .contains("supervised-temporal cannot run on this host (os.name = Plan9); missing: "
              + "Linux (the library is Linux-only)")
          .doesNotContain("SERVER_PID");
      assertThat(stateDir).isEmptyDirectory();
    } finally {
      host.destroyForcibly();
      host.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
