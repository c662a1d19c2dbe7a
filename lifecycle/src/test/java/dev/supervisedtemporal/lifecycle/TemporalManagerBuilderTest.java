package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad settings fail in build(), naming the setting and what is accepted, before anything runs. */
class TemporalManagerBuilderTest {

  @TempDir
  Path dir;

  private TemporalManager.Builder embedded() {
    return TemporalManager.builder().backend(BackendKind.EMBEDDED);
  }

  @Test
  void portOutsideTheRange() {
    assertThatIllegalArgumentException().isThrownBy(() -> embedded().port(-1).build())
        .withMessage("port = -1 is out of range; accepted: an integer 0-65535 (0 picks a free "
            + "port)");
    assertThatIllegalArgumentException().isThrownBy(() -> embedded().port(65536).build())
        .withMessageStartingWith("port = 65536 is out of range; accepted: an integer 0-65535");
  }

  @Test
  void zeroOrNegativeTimeouts() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> embedded().startupTimeout(Duration.ZERO).build())
        .withMessage("startupTimeout = PT0S is not positive; accepted: a positive duration");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> embedded().stopGracePeriod(Duration.ofSeconds(-5)).build())
        .withMessage("stopGracePeriod = PT-5S is not positive; accepted: a positive duration");
  }

  @Test
  void aCliPathThatIsMissingOrNotExecutable() throws Exception {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> embedded().cliPath(dir.resolve("no-such-temporal")).build())
        .withMessageContaining("cliPath = '").withMessageContaining("is not an executable file");
    Path plain = Files.writeString(dir.resolve("temporal"), "not a binary");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TemporalManager.builder().backend(BackendKind.CLI).cliPath(plain)
            .build())
        .withMessageContaining("is not an executable file");
  }

  @Test
  void aStateDirUnderARegularFileSaysSo() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> embedded().stateDir(file.resolve("state")).build())
        .withMessageContaining("stateDir = '" + file.resolve("state") + "' is under a regular "
            + "file (" + file + ")")
        .withMessageContaining("accepted: a writable directory");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> embedded().stateDir(file).build())
        .withMessageContaining("stateDir = '" + file + "' is a regular file");
  }

  @Test
  void aBadNamespaceOrAStrayTarget() {
    assertThatIllegalArgumentException().isThrownBy(() -> embedded().namespace("no spaces").build())
        .withMessageStartingWith("namespace = 'no spaces' is not a namespace name; accepted:");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> embedded().target("127.0.0.1:7233").build())
        .withMessageContaining("only used with backend = external");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TemporalManager.builder().backend(BackendKind.EXTERNAL)
            .target("localhost").build())
        .withMessageContaining("target = 'localhost' is not an address");
  }

  @Test
  void aBackendNameThatDoesNotExist() {
    assertThatIllegalArgumentException().isThrownBy(() -> BackendKind.parse("backend", "docker"))
        .withMessage("backend = 'docker' is not a backend; accepted: auto, embedded, cli, external");
  }

  @Test
  void buildingStartsNothing() {
    try (TemporalManager m = embedded().stateDir(dir.resolve("s")).build()) {
      assertThat(m.pid()).isEqualTo(-1);
      assertThat(m.holdsLock()).isFalse();
      assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }
  }
}
