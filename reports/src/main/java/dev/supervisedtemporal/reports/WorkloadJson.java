package dev.supervisedtemporal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Maps {@link WorkloadTimeline}s to and from the {@code workloads} array of {@code report.json}. */
final class WorkloadJson {

  private WorkloadJson() {
  }

  static List<Object> toJson(List<WorkloadTimeline> timelines) {
    List<Object> out = new ArrayList<>();
    for (WorkloadTimeline t : timelines) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", t.file());
      m.put("scenario", t.scenario());
      m.put("backend", t.backend());
      m.put("policy", t.policy());
      m.put("workload", t.workload());
      m.put("seed", t.seed());
      m.put("passed", t.passed());
      m.put("figures", new TreeMap<String, Object>(t.figures()));
      List<Object> units = new ArrayList<>();
      for (WorkloadPoint p : t.units()) {
        List<Object> row = new ArrayList<>();
        row.add(p.startMs());
        row.add(p.latencyMs());
        row.add(p.outcome());
        units.add(row);
      }
      m.put("units", units);
      List<Object> faults = new ArrayList<>();
      for (FaultSpan f : t.faults()) {
        faults.add(List.of(f.faultId(), f.kind(), f.fromMs(), f.healedMs(), f.toMs()));
      }
      m.put("faults", faults);
      List<Object> marks = new ArrayList<>();
      for (SupervisorMark k : t.marks()) {
        marks.add(List.of(k.atMs(), k.type()));
      }
      m.put("marks", marks);
      out.add(m);
    }
    return out;
  }

  /** Reads the array back; a report without one (older) has no workloads. */
  static List<WorkloadTimeline> fromJson(Object tree) {
    if (tree == null) {
      return List.of();
    }
    if (!(tree instanceof List<?> list)) {
      throw new IllegalArgumentException("'workloads' is not a JSON array");
    }
    List<WorkloadTimeline> out = new ArrayList<>();
    for (Object o : list) {
      Map<String, Object> m = ReportJson.obj(o, "workload");
      List<WorkloadPoint> units = new ArrayList<>();
      for (Object u : ReportJson.list(m, "units")) {
        List<?> row = (List<?>) u;
        units.add(new WorkloadPoint(((Number) row.get(0)).doubleValue(),
            row.get(1) == null ? null : ((Number) row.get(1)).doubleValue(), (String) row.get(2)));
      }
      List<FaultSpan> faults = new ArrayList<>();
      for (Object f : ReportJson.list(m, "faults")) {
        List<?> row = (List<?>) f;
        faults.add(new FaultSpan((String) row.get(0), (String) row.get(1),
            ((Number) row.get(2)).doubleValue(), ((Number) row.get(3)).doubleValue(),
            ((Number) row.get(4)).doubleValue()));
      }
      List<SupervisorMark> marks = new ArrayList<>();
      for (Object k : ReportJson.list(m, "marks")) {
        List<?> row = (List<?>) k;
        marks.add(new SupervisorMark(((Number) row.get(0)).doubleValue(), (String) row.get(1)));
      }
      Map<String, Double> figures = new LinkedHashMap<>();
      ReportJson.obj(m.get("figures"), "figures")
          .forEach((k, v) -> figures.put(k, ((Number) v).doubleValue()));
      Object seed = m.get("seed");
      out.add(new WorkloadTimeline(ReportJson.str(m, "file"), ReportJson.str(m, "scenario"),
          ReportJson.str(m, "backend"), ReportJson.str(m, "policy"),
          ReportJson.str(m, "workload"), seed == null ? null : ((Number) seed).longValue(), units,
          faults, marks, figures, Boolean.TRUE.equals(m.get("passed"))));
    }
    return out;
  }
}
