package dev.supervisedtemporal.lifecycle.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

  @TempDir
  Path dir;

  @Test
  void roundTripsTheWholeIdentity() {
    PidFile file = new PidFile(dir);
    ProcessIdentity id = new ProcessIdentity(4242, Instant.parse("2026-11-29T12:00:00.120Z"),
        List.of("/usr/bin/java", "-cp", "a b:c=d", "Main", "7233", "with\nnewline"));
    file.write(id, 7233);
    PidFile.Content read = file.read();
    assertThat(read.identity()).isEqualTo(id);
    assertThat(read.port()).isEqualTo(7233);
    file.delete();
    assertThat(file.exists()).isFalse();
  }

  @Test
  void garbageIsAClearErrorQuotingTheContent() throws Exception {
    Files.writeString(dir.resolve(PidFile.FILE_NAME), "12x4\u0000garbage");
    assertThatThrownBy(() -> new PidFile(dir).read())
        .isInstanceOf(InvalidPidFileException.class)
        .hasMessageContaining("is malformed").hasMessageContaining("12x4");
  }

  @Test
  void aSymbolicLinkIsNeitherFollowedNorItsTargetTouched() throws Exception {
    Path target = dir.resolve("precious.txt");
    Files.writeString(target, "do not touch");
    Files.createSymbolicLink(dir.resolve(PidFile.FILE_NAME), target);
    PidFile file = new PidFile(dir);
    assertThatThrownBy(file::read).isInstanceOf(InvalidPidFileException.class)
        .hasMessageContaining("symbolic link");
    file.write(new ProcessIdentity(99, Instant.now(), List.of("x")), 1);
    assertThat(Files.readString(target)).isEqualTo("do not touch");
    assertThat(Files.isSymbolicLink(dir.resolve(PidFile.FILE_NAME))).isFalse();
  }
}
