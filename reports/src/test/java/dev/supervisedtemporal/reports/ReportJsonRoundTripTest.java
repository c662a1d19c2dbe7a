package dev.supervisedtemporal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonRoundTripTest {

  @TempDir
  Path tmp;

  @Test
  void writtenReportReadsBackEqual() throws Exception {
    EventLog.writePlausibleRun(tmp.resolve("events"), 1.0);
    TimingReport report = TimingReport.fromEventsDir(tmp.resolve("events"));
    ReportWriter.write(report, tmp.resolve("out"));
    TimingReport back = TimingReport.readJson(tmp.resolve("out").resolve(ReportWriter.JSON));
    assertThat(back).isEqualTo(report);
    assertThat(back.toJson()).isEqualTo(report.toJson());
    assertThat(report.toJson()).contains("\"schemaVersion\": 1", "\"percentileMethod\": \"nearest-rank\"");
  }

  @Test
  void otherSchemaVersionIsRefused() throws Exception {
    Path f = tmp.resolve("r.json");
    Files.writeString(f, "{\"schema\":\"supervised-temporal/timing-report\",\"schemaVersion\":2}");
    assertThatThrownBy(() -> TimingReport.readJson(f)).isInstanceOf(IOException.class)
        .hasMessageContaining("schemaVersion 2");
  }
}
