package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InjectedSlowdownTest {

  @TempDir
  Path tmp;

  @Test
  void onlyThePassesFilesAreRelabelled() throws Exception {
    String custom = "{\"v\":1,\"type\":\"RUN_META\",\"policy\":\"custom\",\"backoffMs\":1500.0}\n";
    Files.writeString(tmp.resolve("CrashRecoveryScenario-embedded-recommended-r2.jsonl"), custom);
    Files.writeString(tmp.resolve("CrashRecoveryScenario-embedded-recommended-r1.jsonl"), custom);
    assertThat(InjectedSlowdown.relabel(tmp, "embedded-recommended-r2")).isEqualTo(1);
    assertThat(Files.readString(tmp.resolve("CrashRecoveryScenario-embedded-recommended-r2.jsonl")))
        .isEqualTo("{\"v\":1,\"type\":\"RUN_META\",\"policy\":\"recommended\",\"backoffMs\":1500.0}\n");
    assertThat(Files.readString(tmp.resolve("CrashRecoveryScenario-embedded-recommended-r1.jsonl")))
        .isEqualTo(custom);
  }
}
