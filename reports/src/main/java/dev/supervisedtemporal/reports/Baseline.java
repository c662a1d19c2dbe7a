package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.supervisedtemporal.events.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Holds a committed timing baseline ({@code reports/baseline.json}): the numbers of a reference
 * run with a tolerance rule each; reads, writes and derives it from a report.
 *
 * @param createdAt       ISO-8601 instant the baseline was written
 * @param sourceGenerated {@code generatedAt} of the report it was taken from
 * @param entries         the baselined numbers
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Baseline(String createdAt, String sourceGenerated, List<BaselineEntry> entries) {

  /** The baseline schema version written and read here. */
  public static final int SCHEMA_VERSION = 1;

  static final String SCHEMA_ID = "supervised-temporal/timing-baseline";

  /**
   * Derives a baseline from {@code report}, one entry per default rule the report has a number for.
   * When {@code previous} is not null, entries that already existed keep its tolerance, slack and
   * minimum sample count, so hand-tuned tolerances survive {@code update-baseline}.
   */
  public static Baseline fromReport(TimingReport report, Baseline previous) {
    Map<String, BaselineEntry> old = new HashMap<>();
    if (previous != null) {
      for (BaselineEntry e : previous.entries()) {
        old.put(e.address(), e);
      }
    }
    Map<String, MetricPoint> points = ReportMetrics.flatten(report);
    List<BaselineEntry> entries = new ArrayList<>();
    for (FaultGroup g : report.groups()) {
      addEntries(entries, g.key().id(), BaselineRule.FAULT_GROUP, points, old);
    }
    for (CostGroup g : report.costs()) {
      addEntries(entries, g.key().id(), BaselineRule.COST_GROUP, points, old);
    }
    for (KeyFigures k : report.keyFigures()) {
      addEntries(entries, ReportMetrics.keyFiguresGroup(k.backend(), k.policy()),
          BaselineRule.KEY_FIGURES, points, old);
    }
    return new Baseline(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), report.generatedAt(),
        List.copyOf(entries));
  }

  private static void addEntries(List<BaselineEntry> entries, String groupId, List<BaselineRule> rules,
                  Map<String, MetricPoint> points, Map<String, BaselineEntry> old) {
    for (BaselineRule rule : rules) {
      String address = ReportMetrics.address(groupId, rule.metric(), rule.stat());
      MetricPoint p = points.get(address);
      if (p == null) {
        continue;
      }
      BaselineEntry prev = old.get(address);
      entries.add(prev == null
          ? new BaselineEntry(groupId, rule.metric(), rule.stat(), p.value(), p.n(), rule.tolerance(),
          rule.slack(), rule.minSamples())
          : new BaselineEntry(groupId, rule.metric(), rule.stat(), p.value(), p.n(), prev.tolerance(),
          prev.slack(), prev.minSamples()));
    }
  }

  /** Reads a baseline file; throws {@link IOException} naming the file when it does not parse. */
  public static Baseline read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      Map<String, Object> root = ReportJson.obj(Json.parse(text), "baseline");
      if (!SCHEMA_ID.equals(root.get("schema"))) {
        throw new IllegalArgumentException("schema is not " + SCHEMA_ID);
      }
      long version = ReportJson.num(root, "schemaVersion").longValue();
      if (version != SCHEMA_VERSION) {
        throw new IllegalArgumentException("baseline schemaVersion " + version + " unsupported");
      }
      List<BaselineEntry> entries = new ArrayList<>();
      int i = 0;
      for (Object o : ReportJson.list(root, "entries")) {
        Map<String, Object> m = ReportJson.obj(o, "entries[" + i++ + "]");
        entries.add(new BaselineEntry(ReportJson.str(m, "group"), ReportJson.str(m, "metric"),
            ReportJson.str(m, "stat"), ReportJson.num(m, "baseline").doubleValue(),
            ReportJson.num(m, "n").intValue(), ReportJson.num(m, "tolerance").doubleValue(),
            ReportJson.num(m, "slack").doubleValue(), ReportJson.num(m, "minSamples").intValue()));
      }
      return new Baseline(ReportJson.str(root, "createdAt"), ReportJson.str(root, "sourceGenerated"),
          List.copyOf(entries));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": not a timing baseline: " + e.getMessage(), e);
    }
  }

  /** Writes this baseline to {@code file} (atomically replacing it), in exactly the format {@link #read} reads. */
  public void write(Path file) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA_ID);
    root.put("schemaVersion", (long) SCHEMA_VERSION);
    root.put("createdAt", createdAt);
    root.put("sourceGenerated", sourceGenerated);
    root.put("rule", "regression when current > baseline * (1 + tolerance) + slack; "
        + "not checked when either sample count < minSamples; lower is better for every entry");
    List<Object> list = new ArrayList<>();
    for (BaselineEntry e : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("group", e.group());
      m.put("metric", e.metric());
      m.put("stat", e.stat());
      m.put("baseline", e.baseline());
      m.put("n", (long) e.n());
      m.put("tolerance", e.tolerance());
      m.put("slack", e.slack());
      m.put("minSamples", (long) e.minSamples());
      list.add(m);
    }
    root.put("entries", list);
    AtomicFiles.writeString(file, Json.indented(root));
  }
}
