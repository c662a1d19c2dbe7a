package dev.supervisedtemporal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a {@link TimingReport} to and from the plain JSON tree of {@code report.json}.
 */
final class ReportJson {

  static final String SCHEMA_ID = "supervised-temporal/timing-report";

  private ReportJson() {
  }

  /** Returns the JSON tree of {@code report}. */
  static Map<String, Object> toJson(TimingReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA_ID);
    root.put("schemaVersion", (long) report.schemaVersion());
    root.put("generatedAt", report.generatedAt());
    root.put("percentileMethod", "nearest-rank");
    List<Object> runs = new ArrayList<>();
    for (RunSummary r : report.runs()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", r.file());
      m.put("scenario", r.scenario());
      m.put("backend", r.backend());
      m.put("policy", r.policy());
      m.put("outcome", r.outcome());
      m.put("durationMs", r.durationMs());
      m.put("message", r.message());
      m.put("checkIntervalMs", r.checkIntervalMs());
      m.put("policyScale", r.policyScale());
      m.put("spawnToReadyRefMs", r.spawnToReadyRefMs());
      m.put("rssAfterStartBytes", r.rssAfterStartBytes());
      m.put("supervisorThreads", r.supervisorThreads());
      m.put("supervisorCpuMsPer1000Ticks", r.supervisorCpuMsPer1000Ticks());
      List<Object> ticks = new ArrayList<>();
      for (TickPoint p : r.ticks()) {
        ticks.add(List.of(p.atMs(), p.spacingMs()));
      }
      m.put("ticks", ticks);
      runs.add(m);
    }
    root.put("runs", runs);
    List<Object> groups = new ArrayList<>();
    for (FaultGroup g : report.groups()) {
      Map<String, Object> m = key(g.key());
      m.put("metrics", stats(g.metrics()));
      m.put("counts", new LinkedHashMap<String, Object>(g.counts()));
      m.put("values", new LinkedHashMap<String, Object>(g.values()));
      m.put("leaks", new ArrayList<Object>(g.leaks()));
      groups.add(m);
    }
    root.put("groups", groups);
    List<Object> costs = new ArrayList<>();
    for (CostGroup g : report.costs()) {
      Map<String, Object> m = key(g.key());
      m.put("metrics", stats(g.metrics()));
      costs.add(m);
    }
    root.put("costs", costs);
    List<Object> comparisons = new ArrayList<>();
    for (Comparison c : report.comparisons()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario", c.scenario());
      m.put("backend", c.backend());
      m.put("faultKind", c.faultKind());
      m.put("basePolicy", c.basePolicy());
      m.put("otherPolicy", c.otherPolicy());
      List<Object> rows = new ArrayList<>();
      for (ComparisonRow row : c.rows()) {
        Map<String, Object> rm = new LinkedHashMap<>();
        rm.put("metric", row.metric());
        rm.put("stat", row.stat());
        rm.put("baseN", (long) row.baseN());
        rm.put("base", row.base());
        rm.put("otherN", (long) row.otherN());
        rm.put("other", row.other());
        rm.put("ratio", row.ratio());
        rows.add(rm);
      }
      m.put("rows", rows);
      comparisons.add(m);
    }
    root.put("comparisons", comparisons);
    root.put("workloads", WorkloadJson.toJson(report.workloads()));
    root.put("keyFigures", keyFiguresToJson(report.keyFigures()));
    return root;
  }

  /** Rebuilds a report from the JSON tree; throws {@link IllegalArgumentException} when it does not fit. */
  static TimingReport fromJson(Object tree) {
    Map<String, Object> root = obj(tree, "report");
    if (!SCHEMA_ID.equals(root.get("schema"))) {
      throw new IllegalArgumentException("schema is not " + SCHEMA_ID);
    }
    long version = num(root, "schemaVersion").longValue();
    if (version != TimingReport.SCHEMA_VERSION) {
      throw new IllegalArgumentException("report schemaVersion " + version + " unsupported (expected "
          + TimingReport.SCHEMA_VERSION + ")");
    }
    List<RunSummary> runs = new ArrayList<>();
    for (Object o : list(root, "runs")) {
      Map<String, Object> m = obj(o, "run");
      List<TickPoint> ticks = new ArrayList<>();
      for (Object p : list(m, "ticks")) {
        List<?> pair = (List<?>) p;
        ticks.add(new TickPoint(((Number) pair.get(0)).doubleValue(), ((Number) pair.get(1)).doubleValue()));
      }
      runs.add(new RunSummary(str(m, "file"), str(m, "scenario"), str(m, "backend"), str(m, "policy"),
          (String) m.get("outcome"), optDouble(m, "durationMs"), (String) m.get("message"),
          num(m, "checkIntervalMs").doubleValue(), num(m, "policyScale").doubleValue(),
          optDouble(m, "spawnToReadyRefMs"), optLong(m, "rssAfterStartBytes"),
          optLong(m, "supervisorThreads"), optDouble(m, "supervisorCpuMsPer1000Ticks"),
          List.copyOf(ticks)));
    }
    List<FaultGroup> groups = new ArrayList<>();
    for (Object o : list(root, "groups")) {
      Map<String, Object> m = obj(o, "group");
      Map<String, Long> counts = new LinkedHashMap<>();
      obj(m.get("counts"), "counts").forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
      Map<String, Double> values = new LinkedHashMap<>();
      obj(m.get("values"), "values").forEach((k, v) -> values.put(k, ((Number) v).doubleValue()));
      List<String> leaks = new ArrayList<>();
      for (Object l : list(m, "leaks")) {
        leaks.add((String) l);
      }
      groups.add(new FaultGroup(key(m), stats(m.get("metrics")), counts, values, List.copyOf(leaks)));
    }
    List<CostGroup> costs = new ArrayList<>();
    for (Object o : list(root, "costs")) {
      Map<String, Object> m = obj(o, "cost");
      costs.add(new CostGroup(key(m), stats(m.get("metrics"))));
    }
    List<Comparison> comparisons = new ArrayList<>();
    for (Object o : list(root, "comparisons")) {
      Map<String, Object> m = obj(o, "comparison");
      List<ComparisonRow> rows = new ArrayList<>();
      for (Object r : list(m, "rows")) {
        Map<String, Object> rm = obj(r, "row");
        rows.add(new ComparisonRow(str(rm, "metric"), str(rm, "stat"), num(rm, "baseN").intValue(),
            num(rm, "base").doubleValue(), num(rm, "otherN").intValue(), num(rm, "other").doubleValue(),
            optDouble(rm, "ratio")));
      }
      comparisons.add(new Comparison(str(m, "scenario"), str(m, "backend"), str(m, "faultKind"),
          str(m, "basePolicy"), str(m, "otherPolicy"), List.copyOf(rows)));
    }
    List<KeyFigures> keyFigures = root.containsKey("keyFigures")
        ? keyFiguresFromJson(root.get("keyFigures")) : List.of();
    return new TimingReport((int) version, str(root, "generatedAt"), List.copyOf(runs), List.copyOf(groups),
        List.copyOf(costs), List.copyOf(comparisons), WorkloadJson.fromJson(root.get("workloads")),
        keyFigures);
  }

  /** Returns the JSON array of key figures (report.json and history summaries share it). */
  static List<Object> keyFiguresToJson(List<KeyFigures> figures) {
    List<Object> out = new ArrayList<>();
    for (KeyFigures k : figures) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("backend", k.backend());
      m.put("policy", k.policy());
      m.put("figures", stats(k.figures()));
      m.put("ratioToBasic", new LinkedHashMap<String, Object>(k.ratioToBasic()));
      m.put("missed", new LinkedHashMap<String, Object>(k.missed()));
      out.add(m);
    }
    return out;
  }

  /** Reads the JSON array written by {@link #keyFiguresToJson}. */
  static List<KeyFigures> keyFiguresFromJson(Object tree) {
    if (!(tree instanceof List)) {
      throw new IllegalArgumentException("'keyFigures' is not a JSON array");
    }
    List<KeyFigures> out = new ArrayList<>();
    for (Object o : (List<?>) tree) {
      Map<String, Object> m = obj(o, "key figures");
      Map<String, Double> ratios = new LinkedHashMap<>();
      obj(m.get("ratioToBasic"), "ratioToBasic").forEach((k, v) -> ratios.put(k, ((Number) v).doubleValue()));
      Map<String, Long> missed = new LinkedHashMap<>();
      if (m.containsKey("missed")) {
        obj(m.get("missed"), "missed").forEach((k, v) -> missed.put(k, ((Number) v).longValue()));
      }
      out.add(new KeyFigures(str(m, "backend"), str(m, "policy"), stats(m.get("figures")), ratios, missed));
    }
    return List.copyOf(out);
  }

  private static Map<String, Object> key(GroupKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", k.scenario());
    m.put("backend", k.backend());
    m.put("policy", k.policy());
    m.put("faultKind", k.faultKind());
    return m;
  }

  private static GroupKey key(Map<String, Object> m) {
    return new GroupKey(str(m, "scenario"), str(m, "backend"), str(m, "policy"), str(m, "faultKind"));
  }

  private static Map<String, Object> stats(Map<String, Stats> metrics) {
    Map<String, Object> out = new LinkedHashMap<>();
    metrics.forEach((name, s) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("n", (long) s.n());
      m.put("mean", s.mean());
      m.put("min", s.min());
      m.put("p50", s.p50());
      m.put("p95", s.p95());
      m.put("p99", s.p99());
      m.put("max", s.max());
      out.put(name, m);
    });
    return out;
  }

  private static Map<String, Stats> stats(Object tree) {
    Map<String, Stats> out = new LinkedHashMap<>();
    obj(tree, "metrics").forEach((name, v) -> {
      Map<String, Object> m = obj(v, name);
      out.put(name, new Stats(num(m, "n").intValue(), num(m, "mean").doubleValue(), num(m, "min").doubleValue(),
          num(m, "p50").doubleValue(), num(m, "p95").doubleValue(), num(m, "p99").doubleValue(),
          num(m, "max").doubleValue()));
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object o, String what) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    return (Map<String, Object>) o;
  }

  static List<?> list(Map<String, Object> m, String field) {
    Object o = m.get(field);
    if (!(o instanceof List)) {
      throw new IllegalArgumentException("'" + field + "' is not a JSON array");
    }
    return (List<?>) o;
  }

  static String str(Map<String, Object> m, String field) {
    Object o = m.get(field);
    if (!(o instanceof String)) {
      throw new IllegalArgumentException("'" + field + "' is not a string");
    }
    return (String) o;
  }

  static Number num(Map<String, Object> m, String field) {
    Object o = m.get(field);
    if (!(o instanceof Number)) {
      throw new IllegalArgumentException("'" + field + "' is not a number");
    }
    return (Number) o;
  }

  private static Double optDouble(Map<String, Object> m, String field) {
    Object o = m.get(field);
    return o == null ? null : num(m, field).doubleValue();
  }

  private static Long optLong(Map<String, Object> m, String field) {
    Object o = m.get(field);
    return o == null ? null : num(m, field).longValue();
  }
}
