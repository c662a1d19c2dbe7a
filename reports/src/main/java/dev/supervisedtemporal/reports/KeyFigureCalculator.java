package dev.supervisedtemporal.reports;

import dev.supervisedtemporal.events.TimingEvent;
import dev.supervisedtemporal.events.TimingEventFile;
import dev.supervisedtemporal.events.TimingEventType;
import dev.supervisedtemporal.events.TimingFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the headline's {@link KeyFigures} from validated event files: samples of every
 * {@link KeyFigure}, pooled per backend × policy over all scenarios, and the recommended ÷ basic
 * ratios over the scenarios both policies ran.
 *
 * <p>Reads the user-felt recovery events {@code CLIENT_RECOVERED {faultId}} and
 * {@code WORKER_RECOVERED {faultId}} when the harness writes them; without them those figures are
 * absent ("not measured").
 */
final class KeyFigureCalculator {

  private static final double NANOS_PER_MS = 1_000_000.0;
  private static final Set<String> CRASHES = Set.of("KILL", "TERMINATE");
  private static final Set<String> HANGS = Set.of("SUSPEND", "HANG");
  /** Prefix of the pseudo sample lists that count, one entry per fault, what a figure never saw. */
  private static final String MISSED = "missed:";
  /** Every key figure's id, in report order. */
  private static final List<String> FIGURE_IDS =
      Arrays.stream(KeyFigure.values()).map(KeyFigure::id).toList();

  private KeyFigureCalculator() {
  }

  /** Returns one entry per backend × policy present in {@code files}, ordered by backend, then basic first. */
  static List<KeyFigures> compute(List<TimingEventFile> files) {
    // backend -> policy -> scenario -> figure -> samples
    Map<String, Map<String, Map<String, Map<String, List<Double>>>>> tree = new TreeMap<>();
    for (TimingEventFile f : files) {
      Map<String, List<Double>> samples = tree.computeIfAbsent(f.backend(), k -> new TreeMap<>())
          .computeIfAbsent(f.policy(), k -> new TreeMap<>())
          .computeIfAbsent(f.scenario(), k -> new LinkedHashMap<>());
      add(f, samples);
    }
    List<KeyFigures> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Map<String, Map<String, List<Double>>>>> b : tree.entrySet()) {
      List<String> policies = new ArrayList<>(b.getValue().keySet());
      policies.sort((x, y) -> rank(x) != rank(y) ? rank(x) - rank(y) : x.compareTo(y));
      Map<String, Map<String, List<Double>>> basic = b.getValue().get(MetricCalculator.BASE_POLICY);
      for (String policy : policies) {
        Map<String, Map<String, List<Double>>> byScenario = b.getValue().get(policy);
        Map<String, List<Double>> pooled = pool(byScenario, byScenario.keySet());
        Map<String, Stats> figures = stats(pooled);
        Map<String, Long> missed = new LinkedHashMap<>();
        for (KeyFigure k : KeyFigure.values()) {
          List<Double> m = pooled.get(MISSED + k.id());
          if (m != null) {
            missed.put(k.id(), (long) m.size());
          }
        }
        Map<String, Double> ratios = new LinkedHashMap<>();
        if (basic != null && !MetricCalculator.BASE_POLICY.equals(policy)) {
          Set<String> common = new TreeSet<>(byScenario.keySet());
          common.retainAll(basic.keySet());
          Map<String, Stats> mine = stats(pool(byScenario, common));
          Map<String, Stats> theirs = stats(pool(basic, common));
          for (KeyFigure k : KeyFigure.values()) {
            Stats a = mine.get(k.id());
            Stats s = theirs.get(k.id());
            if (a != null && s != null && s.get(k.stat()) > 0) {
              ratios.put(k.id(), a.get(k.stat()) / s.get(k.stat()));
            }
          }
        }
        out.add(new KeyFigures(b.getKey(), policy, figures, ratios, missed));
      }
    }
    return List.copyOf(out);
  }

  private static int rank(String policy) {
    return MetricCalculator.BASE_POLICY.equals(policy) ? 0
        : MetricCalculator.OTHER_POLICY.equals(policy) ? 1 : 2;
  }

  private static Map<String, List<Double>> pool(Map<String, Map<String, List<Double>>> byScenario,
      Set<String> scenarios) {
    Map<String, List<Double>> pooled = new LinkedHashMap<>();
    for (String s : scenarios) {
      byScenario.get(s).forEach((k, v) -> pooled.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }
    return pooled;
  }

  private static Map<String, Stats> stats(Map<String, List<Double>> samples) {
    return Stats.byName(samples, FIGURE_IDS);
  }

  private static void add(TimingEventFile f, Map<String, List<Double>> samples) {
    double interval = f.meta().number(TimingFields.CHECK_INTERVAL_MS);
    List<Double> spawns = new ArrayList<>();
    for (TimingEvent e : f.events()) {
      if (e.is(TimingEventType.SERVER_READY) || e.is(TimingEventType.RESTARTED)) {
        spawns.add(e.number(TimingFields.SPAWN_TO_READY_MS));
      }
    }
    spawns.forEach(v -> sample(samples, KeyFigure.SPAWN_TO_READY, v));
    Double spawnRef = spawns.isEmpty() ? null : Stats.of(spawns).p50();

    for (TickSpacing tick : TickSpacing.of(f.events())) {
      double jitter = Math.abs(tick.spacingMs() - interval);
      sample(samples, KeyFigure.TICK_JITTER, jitter);
      sample(samples, KeyFigure.TICK_JITTER_PER_INTERVAL, jitter / interval);
    }
    Double cpu = null;
    for (TimingEvent e : f.events()) {
      if (e.is(TimingEventType.FAULT_INJECTED)) {
        fault(f, e, interval, spawnRef, samples);
      } else if (e.is(TimingEventType.RESOURCES)) {
        Double ns = e.number(TimingFields.SUPERVISOR_CPU_NS);
        Double ticks = e.number(TimingFields.TICKS);
        if (ns != null && ticks != null && ticks > 0) {
          cpu = ns / NANOS_PER_MS / ticks * 1000.0;
        }
      }
    }
    if (cpu != null) {
      sample(samples, KeyFigure.SUPERVISOR_CPU, cpu);
    }
  }

  private static void fault(TimingEventFile f, TimingEvent fault, double interval, Double spawnRef,
      Map<String, List<Double>> samples) {
    String kind = fault.string(TimingFields.FAULT);
    boolean crash = CRASHES.contains(kind);
    if (crash || HANGS.contains(kind)) {
      // The first UNHEALTHY at or after the fault and before the next one: a later fault's
      // detection says nothing about this fault.
      TimingEvent unhealthy = null;
      for (TimingEvent e : f.events()) {
        if (e.t() < fault.t() || e == fault) {
          continue;
        }
        if (e.is(TimingEventType.FAULT_INJECTED)) {
          break;
        }
        if (e.is(TimingEventType.UNHEALTHY)) {
          unhealthy = e;
          break;
        }
      }
      if (unhealthy == null) {
        miss(samples, crash ? KeyFigure.DETECTION : KeyFigure.HANG_DETECTION);
      } else {
        double ms = (unhealthy.t() - fault.t()) / NANOS_PER_MS;
        sample(samples, crash ? KeyFigure.DETECTION : KeyFigure.HANG_DETECTION, ms);
        sample(samples, crash ? KeyFigure.DETECTION_PER_INTERVAL : KeyFigure.HANG_DETECTION_PER_INTERVAL,
            ms / interval);
      }
    }
    recovery(f, fault, TimingEventType.RPC_RECOVERED, KeyFigure.SERVER_RECOVERY, KeyFigure.SERVER_RECOVERY_PER_SPAWN,
        spawnRef, samples);
    overhead(f, fault, interval, samples);
    recovery(f, fault, TimingEventType.CLIENT_RECOVERED, KeyFigure.CLIENT_RECOVERY, KeyFigure.CLIENT_RECOVERY_PER_SPAWN,
        spawnRef, samples);
    recovery(f, fault, TimingEventType.WORKER_RECOVERED, KeyFigure.WORKER_RECOVERY, KeyFigure.WORKER_RECOVERY_PER_SPAWN,
        spawnRef, samples);
  }

  private static void recovery(TimingEventFile f, TimingEvent fault, TimingEventType type, KeyFigure ms, KeyFigure norm,
      Double spawnRef, Map<String, List<Double>> samples) {
    String id = fault.string(TimingFields.FAULT_ID);
    boolean recorded = false;
    for (TimingEvent e : f.events()) {
      if (e.is(type)) {
        recorded = true;
        if (id.equals(e.string(TimingFields.FAULT_ID))) {
          double v = (e.t() - fault.t()) / NANOS_PER_MS;
          sample(samples, ms, v);
          if (spawnRef != null && spawnRef > 0) {
            sample(samples, norm, v / spawnRef);
          }
          return;
        }
      }
    }
    // Server recovery is always recorded; the user-felt ones only where the harness measures them.
    if (recorded || type == TimingEventType.RPC_RECOVERED) {
      miss(samples, ms);
    }
  }

  /**
   * Recovery minus the spawn → ready of the first restart after the fault (before the next
   * fault; the supervisor may log RESTARTED just after the client's RPC already succeeded).
   */
  private static void overhead(TimingEventFile f, TimingEvent fault, double interval, Map<String, List<Double>> samples) {
    String id = fault.string(TimingFields.FAULT_ID);
    TimingEvent restarted = null;
    TimingEvent recovered = null;
    for (TimingEvent e : f.events()) {
      if (e.t() < fault.t() || e == fault) {
        continue;
      }
      if (e.is(TimingEventType.FAULT_INJECTED) && restarted == null) {
        return;
      }
      if (restarted == null && e.is(TimingEventType.RESTARTED)) {
        restarted = e;
      } else if (recovered == null && e.is(TimingEventType.RPC_RECOVERED) && id.equals(e.string(TimingFields.FAULT_ID))) {
        recovered = e;
      }
      if (restarted != null && recovered != null) {
        double v = (recovered.t() - fault.t()) / NANOS_PER_MS - restarted.number(TimingFields.SPAWN_TO_READY_MS);
        sample(samples, KeyFigure.RECOVERY_OVERHEAD, v);
        sample(samples, KeyFigure.RECOVERY_OVERHEAD_PER_INTERVAL, v / interval);
        return;
      }
    }
  }

  private static void miss(Map<String, List<Double>> samples, KeyFigure figure) {
    samples.computeIfAbsent(MISSED + figure.id(), k -> new ArrayList<>()).add(1.0);
  }

  private static void sample(Map<String, List<Double>> samples, KeyFigure figure, double value) {
    samples.computeIfAbsent(figure.id(), k -> new ArrayList<>()).add(value);
  }
}
