package dev.supervisedtemporal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the {@link WorkloadTimeline}s of event files from their {@code WORKLOAD_UNIT},
 * {@code WORKLOAD_VERDICT}, fault and supervisor events.
 */
final class WorkloadTimelines {

  /** Supervisor events drawn on the timeline. */
  static final Set<String> MARKS = Set.of("UNHEALTHY", "RESTARTED", "RESTART_FAILED", "GAVE_UP");

  private WorkloadTimelines() {
  }

  /** One timeline per workload name per file, in file then first-start order. */
  static List<WorkloadTimeline> of(List<EventFile> files) {
    List<WorkloadTimeline> out = new ArrayList<>();
    for (EventFile f : files) {
      Set<String> names = new LinkedHashSet<>();
      for (Event e : f.events()) {
        if ("WORKLOAD_UNIT".equals(e.type()) && e.string("workload") != null) {
          names.add(e.string("workload"));
        }
      }
      for (String name : names) {
        out.add(of(f, name));
      }
    }
    return out;
  }

  private static WorkloadTimeline of(EventFile f, String name) {
    List<Event> units = new ArrayList<>();
    Event verdict = null;
    for (Event e : f.events()) {
      if (name.equals(e.string("workload"))) {
        if ("WORKLOAD_UNIT".equals(e.type())) {
          units.add(e);
        } else if ("WORKLOAD_VERDICT".equals(e.type())) {
          verdict = e;
        }
      }
    }
    long t0 = units.get(0).t();
    double end = 0;
    List<WorkloadPoint> points = new ArrayList<>();
    for (Event u : units) {
      double start = ms(u.t() - t0);
      Double latency = u.number("latencyMs");
      String outcome = u.string("outcome");
      points.add(new WorkloadPoint(start, latency, outcome == null ? "UNKNOWN" : outcome));
      end = Math.max(end, start + (latency == null ? 0 : latency));
    }
    if (verdict != null) {
      end = Math.max(end, ms(verdict.t() - t0));
    }
    Map<String, double[]> spans = new TreeMap<>();
    Map<String, String> kinds = new LinkedHashMap<>();
    for (Event e : f.events()) {
      String id = e.string("faultId");
      if (id == null) {
        continue;
      }
      double at = ms(e.t() - t0);
      switch (e.type()) {
        case "FAULT_INJECTED" -> {
          if (at >= 0 && at <= end) {
            spans.put(id, new double[] {at, at, at});
            kinds.put(id, e.string("fault") == null ? "UNKNOWN" : e.string("fault"));
          }
        }
        case "FAULT_HEALED" -> {
          double[] s = spans.get(id);
          if (s != null) {
            s[1] = Math.max(s[0], at);
            s[2] = Math.max(s[2], s[1]);
          }
        }
        case "RPC_RECOVERED" -> {
          double[] s = spans.get(id);
          if (s != null) {
            s[2] = Math.max(s[1], at);
          }
        }
        default -> {
          // other events with a faultId are not drawn
        }
      }
    }
    List<FaultSpan> faults = new ArrayList<>();
    kinds.forEach((id, kind) -> {
      double[] s = spans.get(id);
      faults.add(new FaultSpan(id, kind, s[0], s[1], s[2]));
    });
    faults.sort((a, b) -> Double.compare(a.fromMs(), b.fromMs()));
    List<SupervisorMark> marks = new ArrayList<>();
    for (Event e : f.events()) {
      double at = ms(e.t() - t0);
      if (MARKS.contains(e.type()) && at >= 0 && at <= end) {
        marks.add(new SupervisorMark(at, e.type()));
      }
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    boolean passed = false;
    Long seed = null;
    if (verdict != null) {
      for (Map.Entry<String, Object> field : verdict.fields().entrySet()) {
        if (field.getValue() instanceof Number n && !"t".equals(field.getKey())
            && !"v".equals(field.getKey()) && !"seed".equals(field.getKey())) {
          figures.put(field.getKey(), n.doubleValue());
        }
      }
      passed = Boolean.TRUE.equals(verdict.fields().get("passed"));
      Object s = verdict.fields().get("seed");
      seed = s instanceof Number n ? n.longValue() : null;
    }
    return new WorkloadTimeline(f.name(), f.scenario(), f.backend(), f.policy(), name, seed, points,
        faults, marks, figures, passed);
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 1e4) / 100.0;
  }
}
