package dev.supervisedtemporal.reports;

import dev.supervisedtemporal.events.TimingEvent;
import dev.supervisedtemporal.events.TimingEventFile;
import dev.supervisedtemporal.events.TimingEventType;
import dev.supervisedtemporal.events.TimingFields;
import java.util.ArrayList;
import java.util.EnumSet;
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
  static final Set<TimingEventType> MARKS = EnumSet.of(TimingEventType.UNHEALTHY,
      TimingEventType.RESTARTED, TimingEventType.RESTART_FAILED, TimingEventType.GAVE_UP);

  private WorkloadTimelines() {
  }

  /** One timeline per workload name per file, in file then first-start order. */
  static List<WorkloadTimeline> of(List<TimingEventFile> files) {
    List<WorkloadTimeline> out = new ArrayList<>();
    for (TimingEventFile f : files) {
      Set<String> names = new LinkedHashSet<>();
      for (TimingEvent e : f.events()) {
        if (e.is(TimingEventType.WORKLOAD_UNIT) && e.string(TimingFields.WORKLOAD) != null) {
          names.add(e.string(TimingFields.WORKLOAD));
        }
      }
      for (String name : names) {
        out.add(of(f, name));
      }
    }
    return out;
  }

  private static WorkloadTimeline of(TimingEventFile f, String name) {
    List<TimingEvent> units = new ArrayList<>();
    TimingEvent verdict = null;
    for (TimingEvent e : f.events()) {
      if (name.equals(e.string(TimingFields.WORKLOAD))) {
        if (e.is(TimingEventType.WORKLOAD_UNIT)) {
          units.add(e);
        } else if (e.is(TimingEventType.WORKLOAD_VERDICT)) {
          verdict = e;
        }
      }
    }
    long t0 = units.get(0).t();
    double end = 0;
    List<WorkloadPoint> points = new ArrayList<>();
    for (TimingEvent u : units) {
      double start = ms(u.t() - t0);
      Double latency = u.number(TimingFields.LATENCY_MS);
      String outcome = u.string(TimingFields.OUTCOME);
      points.add(new WorkloadPoint(start, latency, outcome == null ? "UNKNOWN" : outcome));
      end = Math.max(end, start + (latency == null ? 0 : latency));
    }
    if (verdict != null) {
      end = Math.max(end, ms(verdict.t() - t0));
    }
    Map<String, double[]> spans = new TreeMap<>();
    Map<String, String> kinds = new LinkedHashMap<>();
    for (TimingEvent e : f.events()) {
      String id = e.string(TimingFields.FAULT_ID);
      if (id == null) {
        continue;
      }
      double at = ms(e.t() - t0);
      TimingEventType type = e.knownType().orElse(null);
      if (type == null) {
        continue;
      }
      switch (type) {
        case FAULT_INJECTED -> {
          if (at >= 0 && at <= end) {
            spans.put(id, new double[] {at, at, at});
            kinds.put(id, e.string(TimingFields.FAULT) == null ? "UNKNOWN" : e.string(TimingFields.FAULT));
          }
        }
        case FAULT_HEALED -> {
          double[] s = spans.get(id);
          if (s != null) {
            s[1] = Math.max(s[0], at);
            s[2] = Math.max(s[2], s[1]);
          }
        }
        case RPC_RECOVERED -> {
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
    for (TimingEvent e : f.events()) {
      double at = ms(e.t() - t0);
      if (e.knownType().filter(MARKS::contains).isPresent() && at >= 0 && at <= end) {
        marks.add(new SupervisorMark(at, e.type()));
      }
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    boolean passed = false;
    Long seed = null;
    if (verdict != null) {
      for (Map.Entry<String, Object> field : verdict.fields().entrySet()) {
        if (field.getValue() instanceof Number n && !TimingFields.T.equals(field.getKey())
            && !TimingFields.V.equals(field.getKey()) && !TimingFields.SEED.equals(field.getKey())) {
          figures.put(field.getKey(), n.doubleValue());
        }
      }
      passed = Boolean.TRUE.equals(verdict.fields().get(TimingFields.PASSED));
      Object s = verdict.fields().get(TimingFields.SEED);
      seed = s instanceof Number n ? n.longValue() : null;
    }
    return new WorkloadTimeline(f.name(), f.scenario(), f.backend(), f.policy(), name, seed, points,
        faults, marks, figures, passed);
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 1e4) / 100.0;
  }
}
