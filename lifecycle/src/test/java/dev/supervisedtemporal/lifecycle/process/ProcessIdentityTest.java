package dev.supervisedtemporal.lifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessIdentityTest {

  @Test
  void theCurrentProcessMatchesItself() {
    ProcessIdentity self = ProcessIdentity.of(ProcessHandle.current().pid()).orElseThrow();
    assertThat(self.isStillAlive()).isTrue();
    assertThat(self.mismatch()).isEmpty();
  }

  @Test
  void aDifferentStartTimeIsPidReuse() {
    ProcessIdentity self = ProcessIdentity.of(ProcessHandle.current().pid()).orElseThrow();
    ProcessIdentity older = new ProcessIdentity(self.pid(),
        self.startInstant().minusSeconds(3600), self.commandLine());
    assertThat(older.isStillAlive()).isFalse();
    assertThat(older.mismatch()).hasValueSatisfying(m -> assertThat(m).contains("was reused"));
  }

  @Test
  void aDifferentCommandIsNotOurs() {
    ProcessIdentity self = ProcessIdentity.of(ProcessHandle.current().pid()).orElseThrow();
    ProcessIdentity other = new ProcessIdentity(self.pid(), self.startInstant(),
        List.of("/usr/bin/temporal", "server", "start-dev"));
    assertThat(other.mismatch()).hasValueSatisfying(m -> assertThat(m).contains("different"));
  }

  @Test
  void aLongCommandLineIsReadWhole() throws Exception {
    // sleep adds up its arguments: 60 followed by 3000 zeros is a 6 KB command line, longer than
    // what ProcessHandle.Info.arguments() reports, and the identity must still hold every word.
    List<String> command = new ArrayList<>(List.of("sleep", "60"));
    command.addAll(Collections.nCopies(3000, "0"));
    Process sleeper = new ProcessBuilder(command).start();
    try {
      ProcessIdentity id = ProcessIdentity.of(sleeper.toHandle()).orElseThrow();
      assertThat(id.commandLine()).hasSize(3002);
      assertThat(id.commandLine().get(0)).endsWith("sleep");
      assertThat(id.commandLine().subList(1, 3002)).isEqualTo(command.subList(1, 3002));
      assertThat(id.mismatch()).isEmpty();
    } finally {
      sleeper.destroyForcibly();
      sleeper.waitFor();
    }
  }

  @Test
  void pidsZeroAndOneAreNeverIdentities() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProcessIdentity(1, Instant.now(), List.of("init")));
    assertThat(ProcessIdentity.of(0)).isEmpty();
    assertThat(ProcessIdentity.of(1)).isEmpty();
  }

  @Test
  void signallingAnUnverifiedProcessIsRefused() {
    ProcessIdentity self = ProcessIdentity.of(ProcessHandle.current().pid()).orElseThrow();
    ProcessIdentity impostor = new ProcessIdentity(self.pid(),
        self.startInstant().plusSeconds(1), self.commandLine());
    assertThatThrownBy(() -> ProcessGroups.signalGroup(impostor, Signal.KILL))
        .isInstanceOf(SignalRefusedException.class).hasMessageContaining("was reused");
    // our own JVM is never a group we may signal, even though it is verified
    assertThatThrownBy(() -> ProcessGroups.signalGroup(self, Signal.CONT))
        .isInstanceOf(SignalRefusedException.class);
  }
}
