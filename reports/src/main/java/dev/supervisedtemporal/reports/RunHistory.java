package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.supervisedtemporal.events.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Keeps the summaries ({@link HistoryEntry}) of the last runs in a folder, one
 * {@code run-<generatedAt>.json} file each, oldest first by name, and reads and writes them.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RunHistory {

  static final String SCHEMA_ID = "supervised-temporal/run-summary";
  static final int SCHEMA_VERSION = 1;
  private static final String PREFIX = "run-";

  private RunHistory() {
  }

  /**
   * Adds {@code report}'s summary to the history in {@code dir} (created if needed), deletes the
   * oldest summaries beyond {@code keep}, and returns the kept ones, oldest first.
   *
   * @throws IOException when the folder cannot be written or a kept summary does not parse
   */
  public static List<HistoryEntry> record(Path dir, int keep, TimingReport report, CheckResult check)
      throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException("history keep = " + keep + "; accepted: >= 1");
    }
    Files.createDirectories(dir);
    HistoryEntry entry = HistoryEntry.of(report, check);
    write(entry, dir.resolve(PREFIX + entry.generatedAt().replace(':', '-') + ".json"));
    List<Path> files = files(dir);
    for (int i = 0; i < files.size() - keep; i++) {
      Files.deleteIfExists(files.get(i));
    }
    return read(dir);
  }

  /** Reads every summary in {@code dir}, oldest first; an absent folder is an empty history. */
  public static List<HistoryEntry> read(Path dir) throws IOException {
    List<HistoryEntry> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    for (Path f : files(dir)) {
      out.add(readEntry(f));
    }
    return out;
  }

  /** Reads one summary file, or the key figures of a {@code report.json}. */
  public static HistoryEntry readEntry(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      Map<String, Object> root = ReportJson.obj(Json.parse(text), "summary");
      if (ReportJson.SCHEMA_ID.equals(root.get("schema"))) {
        return HistoryEntry.of(ReportJson.fromJson(root), null);
      }
      if (!SCHEMA_ID.equals(root.get("schema"))) {
        throw new IllegalArgumentException("schema is neither " + SCHEMA_ID + " nor " + ReportJson.SCHEMA_ID);
      }
      long version = ReportJson.num(root, "schemaVersion").longValue();
      if (version != SCHEMA_VERSION) {
        throw new IllegalArgumentException("schemaVersion " + version + " unsupported (expected "
            + SCHEMA_VERSION + ")");
      }
      return new HistoryEntry(ReportJson.str(root, "generatedAt"), ReportJson.str(root, "verdict"),
          ReportJson.num(root, "regressed").longValue(), ReportJson.num(root, "checked").longValue(),
          ReportJson.num(root, "skipped").longValue(), ReportJson.keyFiguresFromJson(root.get("keyFigures")));
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw new IOException(file + ": not a run summary or report: " + e.getMessage(), e);
    }
  }

  static void write(HistoryEntry entry, Path file) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA_ID);
    root.put("schemaVersion", (long) SCHEMA_VERSION);
    root.put("generatedAt", entry.generatedAt());
    root.put("verdict", entry.verdict());
    root.put("regressed", entry.regressed());
    root.put("checked", entry.checked());
    root.put("skipped", entry.skipped());
    root.put("keyFigures", ReportJson.keyFiguresToJson(entry.keyFigures()));
    AtomicFiles.writeString(file, Json.indented(root));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith(PREFIX) && n.endsWith(".json");
      }).filter(Files::isRegularFile).sorted().toList();
    }
  }
}
