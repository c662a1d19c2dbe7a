package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.supervisedtemporal.events.EventFormatException;
import dev.supervisedtemporal.events.Json;
import dev.supervisedtemporal.events.TimingEventFile;
import dev.supervisedtemporal.events.TimingEventReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Holds a complete timing report — per-run summaries, per-group timing metrics, per-group costs and
 * the basic-vs-recommended comparisons — and builds one from a folder of event files.
 *
 * <p>This record is exactly what {@code report.json} contains (schema {@value #SCHEMA_VERSION},
 * see {@code reports/README.md}).
 *
 * @param schemaVersion version of the report schema, {@value #SCHEMA_VERSION}
 * @param generatedAt   ISO-8601 instant the report was computed
 * @param runs          one summary per event file, in file-name order
 * @param groups        timing metrics per scenario × backend × policy × fault kind
 * @param costs         cost metrics per scenario × backend × policy
 * @param comparisons   basic vs recommended on the same scenario, backend and fault kind
 * @param workloads     the workload runs as timelines (units, faults, supervisor marks, verdict)
 * @param keyFigures    the headline's key figures per backend × policy (empty in reports written
 *                      before they existed)
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record TimingReport(int schemaVersion, String generatedAt, List<RunSummary> runs,
              List<FaultGroup> groups, List<CostGroup> costs, List<Comparison> comparisons,
              List<WorkloadTimeline> workloads, List<KeyFigures> keyFigures) {

  /** A report without workload runs or key figures. */
  public TimingReport(int schemaVersion, String generatedAt, List<RunSummary> runs,
      List<FaultGroup> groups, List<CostGroup> costs, List<Comparison> comparisons) {
    this(schemaVersion, generatedAt, runs, groups, costs, comparisons, List.of(), List.of());
  }

  /** A report with workload runs and without key figures. */
  public TimingReport(int schemaVersion, String generatedAt, List<RunSummary> runs,
      List<FaultGroup> groups, List<CostGroup> costs, List<Comparison> comparisons,
      List<WorkloadTimeline> workloads) {
    this(schemaVersion, generatedAt, runs, groups, costs, comparisons, workloads, List.of());
  }

  /** The report schema version written by this code and the only one it reads. */
  public static final int SCHEMA_VERSION = 1;

  /**
   * Reads every {@code *.jsonl} file in {@code eventsDir} and computes the report.
   *
   * @throws EventFormatException when any file breaks the event contract (names file and line;
   *                              no report is produced)
   * @throws IOException          when the folder is missing, empty of event files, or unreadable
   */
  public static TimingReport fromEventsDir(Path eventsDir) throws IOException {
    List<TimingEventFile> files = TimingEventReader.readDir(eventsDir);
    return MetricCalculator.compute(files, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
        .withKeyFigures(KeyFigureCalculator.compute(files));
  }

  /** Returns this report with {@code figures} as its key figures. */
  TimingReport withKeyFigures(List<KeyFigures> figures) {
    return new TimingReport(schemaVersion, generatedAt, runs, groups, costs, comparisons,
        workloads, List.copyOf(figures));
  }

  /**
   * Reads a {@code report.json} written by {@link ReportWriter}.
   *
   * @throws IOException when unreadable, not valid JSON, or of another schema version
   */
  public static TimingReport readJson(Path reportJson) throws IOException {
    String text = Files.readString(reportJson, StandardCharsets.UTF_8);
    try {
      return ReportJson.fromJson(Json.parse(text));
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw new IOException(reportJson + ": not a timing report: " + e.getMessage(), e);
    }
  }

  /** Returns this report as the JSON text of {@code report.json}. */
  public String toJson() {
    return Json.indented(ReportJson.toJson(this));
  }
}
