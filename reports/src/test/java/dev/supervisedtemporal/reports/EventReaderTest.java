package dev.supervisedtemporal.reports;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.events.EventFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventReaderTest {

  @TempDir
  Path dir;

  private List<String> goodLines() {
    return new ArrayList<>(new EventLog("s", "embedded", "basic", 100)
        .tick(0, true).tick(100, true).result(200, "PASSED").lines());
  }

  private void expectError(List<String> lines, String fileLine, String problem) throws Exception {
    Files.write(dir.resolve("run.jsonl"), lines, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TimingReport.fromEventsDir(dir))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("run.jsonl" + fileLine)
        .hasMessageContaining(problem);
  }

  @Test
  void notJsonNamesFileAndLine() throws Exception {
    List<String> lines = goodLines();
    lines.set(2, "this is not json");
    expectError(lines, ":3", "not valid JSON");
  }

  @Test
  void notAnObject() throws Exception {
    List<String> lines = goodLines();
    lines.set(1, "[1,2]");
    expectError(lines, ":2", "not a JSON object");
  }

  @Test
  void missingCommonFields() throws Exception {
    List<String> lines = goodLines();
    lines.set(1, "{\"v\":1,\"type\":\"TICK\",\"healthy\":true}");
    expectError(lines, ":2", "'t'");
    lines.set(1, "{\"t\":5,\"type\":\"TICK\",\"healthy\":true}");
    expectError(lines, ":2", "'v'");
    lines.set(1, "{\"v\":1,\"t\":5}");
    expectError(lines, ":2", "'type'");
  }

  @Test
  void truncatedMidLine() throws Exception {
    List<String> lines = goodLines();
    String last = lines.remove(lines.size() - 1);
    lines.add(last.substring(0, 20));
    expectError(lines, ":4", "not valid JSON");
  }

  @Test
  void truncatedAtALineBoundary() throws Exception {
    List<String> lines = goodLines();
    lines.remove(lines.size() - 1);
    expectError(lines, ":3", "truncated");
  }

  @Test
  void emptyFileAndMissingRunMeta() throws Exception {
    expectError(List.of(), "", "empty event file");
    List<String> lines = goodLines();
    lines.remove(0);
    expectError(lines, ":1", "RUN_META");
  }

  @Test
  void userFeltRecoveriesNeedTheirFaultId() throws Exception {
    for (String type : List.of("CLIENT_RECOVERED", "WORKER_RECOVERED", "INFLIGHT_RECOVERED")) {
      List<String> lines = goodLines();
      lines.add(1, "{\"v\":1,\"t\":3,\"type\":\"" + type + "\"}");
      expectError(lines, ":2", type + " needs a non-empty string 'faultId'");
    }
  }

  @Test
  void unknownTypesAndFieldsAreIgnored() throws Exception {
    List<String> lines = goodLines();
    lines.add(1, "{\"v\":1,\"t\":3,\"type\":\"SOMETHING_NEW\",\"extra\":{\"a\":[1,2]}}");
    Files.write(dir.resolve("run.jsonl"), lines, StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThat(TimingReport.fromEventsDir(dir).runs()).hasSize(1);
  }
}
