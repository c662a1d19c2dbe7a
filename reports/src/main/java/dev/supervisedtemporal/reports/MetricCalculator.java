package dev.supervisedtemporal.reports;

import dev.supervisedtemporal.events.TimingEvent;
import dev.supervisedtemporal.events.TimingEventFile;
import dev.supervisedtemporal.events.TimingEventType;
import dev.supervisedtemporal.events.TimingFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives runs, fault groups, cost groups and basic-vs-recommended comparisons from validated
 * event files, following "Derived metrics" in {@code docs/timing-events.md}.
 */
final class MetricCalculator {

  static final String BASE_POLICY = "basic";
  static final String OTHER_POLICY = "recommended";
  private static final List<String> COMPARED_STATS = List.of("p50", "p95");
  private static final double NANOS_PER_MS = 1_000_000.0;
  /**
   * The fewest ticks a run needs for its supervisor CPU per 1000 ticks to mean anything: a short
   * run's few ticks (with 250 ms ticks a crash scenario can end before the first) are mostly the
   * supervisor's start-up, and whether it has any at all is chance.
   */
  static final int MIN_TICKS_FOR_CPU = 20;
  /** User-felt recovery events and the metric name stem each one yields, in pairs. */
  /** The user-felt recovery events and the metric name each one's samples go to, in this order. */
  private static final Map<TimingEventType, String> USER_FELT = userFelt();

  private final List<RunSummary> runs = new ArrayList<>();
  private final Map<GroupKey, GroupAccumulator> groups = new TreeMap<>();
  private final Map<GroupKey, Map<String, List<Double>>> costs = new TreeMap<>();

  private MetricCalculator() {
  }

  /** Computes the report content of {@code files}; {@code generatedAt} is stamped as given. */
  static TimingReport compute(List<TimingEventFile> files, String generatedAt) {
    MetricCalculator calc = new MetricCalculator();
    for (TimingEventFile f : files) {
      calc.add(f);
    }
    List<FaultGroup> faultGroups = new ArrayList<>();
    for (Map.Entry<GroupKey, GroupAccumulator> e : calc.groups.entrySet()) {
      faultGroups.add(e.getValue().toGroup(e.getKey()));
    }
    List<CostGroup> costGroups = new ArrayList<>();
    for (Map.Entry<GroupKey, Map<String, List<Double>>> e : calc.costs.entrySet()) {
      if (!e.getValue().isEmpty()) {
        costGroups.add(new CostGroup(e.getKey(), Stats.byName(e.getValue(), CostGroup.METRICS)));
      }
    }
    return new TimingReport(TimingReport.SCHEMA_VERSION, generatedAt, List.copyOf(calc.runs),
        List.copyOf(faultGroups), List.copyOf(costGroups), compare(faultGroups, costGroups),
        WorkloadTimelines.of(files));
  }

  private void add(TimingEventFile f) {
    double interval = f.meta().number(TimingFields.CHECK_INTERVAL_MS);
    Double policyScaleField = f.meta().number(TimingFields.POLICY_SCALE);
    double policyScale = policyScaleField == null ? 1.0 : policyScaleField;

    List<Double> spawns = new ArrayList<>();
    List<TimingEvent> faults = new ArrayList<>();
    for (TimingEvent e : f.events()) {
      if (e.is(TimingEventType.SERVER_READY) || e.is(TimingEventType.RESTARTED)) {
        spawns.add(e.number(TimingFields.SPAWN_TO_READY_MS));
      } else if (e.is(TimingEventType.FAULT_INJECTED)) {
        faults.add(e);
      }
    }
    Double spawnRef = spawns.isEmpty() ? null : Stats.of(spawns).p50();

    for (TimingEvent fault : faults) {
      GroupAccumulator acc = group(f, fault.string(TimingFields.FAULT));
      acc.counts.merge("faults", 1L, Long::sum);
      TimingEvent unhealthy = firstAtOrAfter(f.events(), TimingEventType.UNHEALTHY, fault.t());
      if (unhealthy == null) {
        acc.counts.merge("undetected", 1L, Long::sum);
      } else {
        double ms = (unhealthy.t() - fault.t()) / NANOS_PER_MS;
        acc.sample("detectionLatencyMs", ms);
        acc.sample("detectionLatencyPerInterval", ms / interval);
      }
      TimingEvent recovered = recoveryOf(f.events(), TimingEventType.RPC_RECOVERED, fault.string(TimingFields.FAULT_ID));
      if (recovered == null) {
        acc.counts.merge("unrecovered", 1L, Long::sum);
      } else {
        double ms = (recovered.t() - fault.t()) / NANOS_PER_MS;
        acc.sample("recoveryTimeMs", ms);
        if (spawnRef != null && spawnRef > 0) {
          acc.sample("recoveryPerSpawnToReady", ms / spawnRef);
        }
      }
      // Recovery as the user feels it: a client, a worker, an in-flight workflow kept across.
      for (Map.Entry<TimingEventType, String> userFelt : USER_FELT.entrySet()) {
        TimingEvent felt = recoveryOf(f.events(), userFelt.getKey(), fault.string(TimingFields.FAULT_ID));
        if (felt != null) {
          double ms = (felt.t() - fault.t()) / NANOS_PER_MS;
          acc.sample(userFelt.getValue() + "Ms", ms);
          if (spawnRef != null && spawnRef > 0) {
            acc.sample(userFelt.getValue() + "PerSpawnToReady", ms / spawnRef);
          }
        }
      }
    }

    List<TickPoint> ticks = new ArrayList<>();
    long firstTick = f.events().stream().filter(e -> e.is(TimingEventType.TICK)).findFirst()
        .map(TimingEvent::t).orElse(0L);
    for (TickSpacing tick : TickSpacing.of(f.events())) {
      GroupAccumulator acc = group(f, kindAt(faults, tick.t()));
      acc.sample("tickSpacingMs", tick.spacingMs());
      acc.sample("tickSpacingPerInterval", tick.spacingMs() / interval);
      acc.driftMs += tick.spacingMs() - interval;
      acc.expectedMs += interval;
      ticks.add(new TickPoint((tick.t() - firstTick) / NANOS_PER_MS, tick.spacingMs()));
    }
    Long rss = null;
    Long threads = null;
    Double cpuPer1000 = null;
    for (TimingEvent e : f.events()) {
      TimingEventType type = e.knownType().orElse(null);
      if (type == null) {
        continue;
      }
      switch (type) {
        case RESTARTED:
          GroupAccumulator restarted = group(f, kindAt(faults, e.t()));
          restarted.counts.merge("restarts", 1L, Long::sum);
          restarted.sample("restartDurationMs", e.number(TimingFields.SPAWN_TO_READY_MS));
          break;
        case RESTART_FAILED:
          group(f, kindAt(faults, e.t())).counts.merge("restartFailures", 1L, Long::sum);
          break;
        case GAVE_UP:
          group(f, kindAt(faults, e.t())).counts.merge("giveUps", 1L, Long::sum);
          break;
        case LEAK:
          GroupAccumulator leak = group(f, kindAt(faults, e.t()));
          leak.counts.merge("leaks", 1L, Long::sum);
          leak.leaks.add(f.name() + ": " + (e.string(TimingFields.WHAT) == null ? "?" : e.string(TimingFields.WHAT)));
          break;
        case RESOURCES:
          Double r = e.number(TimingFields.RSS_BYTES);
          if (rss == null && r != null && r >= 0) { // -1: RSS unknown (no server at that moment)
            rss = r.longValue();
          }
          Double th = e.number(TimingFields.SUPERVISOR_THREADS);
          if (th != null) {
            threads = threads == null ? th.longValue() : Math.max(threads, th.longValue());
          }
          Double cpu = e.number(TimingFields.SUPERVISOR_CPU_NS);
          Double n = e.number(TimingFields.TICKS);
          if (cpu != null && n != null && n >= MIN_TICKS_FOR_CPU) {
            cpuPer1000 = cpu / NANOS_PER_MS / n * 1000.0;
          }
          break;
        default:
          break;
      }
    }

    GroupKey costKey = new GroupKey(f.scenario(), f.backend(), f.policy(), GroupKey.COST);
    Map<String, List<Double>> cost = costs.computeIfAbsent(costKey, k -> new LinkedHashMap<>());
    if (rss != null) {
      cost.computeIfAbsent("rssAfterStartMiB", k -> new ArrayList<>()).add(rss / (1024.0 * 1024.0));
    }
    if (threads != null) {
      cost.computeIfAbsent("supervisorThreads", k -> new ArrayList<>()).add(threads.doubleValue());
    }
    if (cpuPer1000 != null) {
      cost.computeIfAbsent("supervisorCpuMsPer1000Ticks", k -> new ArrayList<>()).add(cpuPer1000);
    }

    TimingEvent result = f.result();
    runs.add(new RunSummary(f.name(), f.scenario(), f.backend(), f.policy(), result.string(TimingFields.OUTCOME),
        result.number(TimingFields.DURATION_MS), result.string(TimingFields.MESSAGE), interval, policyScale, spawnRef,
        rss, threads, cpuPer1000, List.copyOf(ticks)));
  }

  private GroupAccumulator group(TimingEventFile f, String faultKind) {
    return groups.computeIfAbsent(new GroupKey(f.scenario(), f.backend(), f.policy(), faultKind),
        k -> new GroupAccumulator());
  }

  private static String kindAt(List<TimingEvent> faults, long t) {
    String kind = GroupKey.NO_FAULT;
    for (TimingEvent fault : faults) {
      if (fault.t() <= t) {
        kind = fault.string(TimingFields.FAULT);
      } else {
        break;
      }
    }
    return kind;
  }

  private static Map<TimingEventType, String> userFelt() {
    Map<TimingEventType, String> metrics = new LinkedHashMap<>();
    metrics.put(TimingEventType.CLIENT_RECOVERED, "clientRecovery");
    metrics.put(TimingEventType.WORKER_RECOVERED, "workerRecovery");
    metrics.put(TimingEventType.INFLIGHT_RECOVERED, "inflightRecovery");
    return metrics;
  }

  private static TimingEvent firstAtOrAfter(List<TimingEvent> events, TimingEventType type, long t) {
    for (TimingEvent e : events) {
      if (e.t() >= t && e.is(type)) {
        return e;
      }
    }
    return null;
  }

  private static TimingEvent recoveryOf(List<TimingEvent> events, TimingEventType type, String faultId) {
    for (TimingEvent e : events) {
      if (e.is(type) && faultId.equals(e.string(TimingFields.FAULT_ID))) {
        return e;
      }
    }
    return null;
  }

  private static List<Comparison> compare(List<FaultGroup> faultGroups, List<CostGroup> costGroups) {
    Map<GroupKey, Map<String, Stats>> byKey = new TreeMap<>();
    for (FaultGroup g : faultGroups) {
      byKey.put(g.key(), g.metrics());
    }
    for (CostGroup g : costGroups) {
      byKey.put(g.key(), g.metrics());
    }
    List<Comparison> out = new ArrayList<>();
    for (Map.Entry<GroupKey, Map<String, Stats>> e : byKey.entrySet()) {
      GroupKey k = e.getKey();
      if (!BASE_POLICY.equals(k.policy())) {
        continue;
      }
      Map<String, Stats> other = byKey.get(new GroupKey(k.scenario(), k.backend(), OTHER_POLICY, k.faultKind()));
      if (other == null) {
        continue;
      }
      List<ComparisonRow> rows = new ArrayList<>();
      for (Map.Entry<String, Stats> m : e.getValue().entrySet()) {
        Stats o = other.get(m.getKey());
        if (o == null) {
          continue;
        }
        for (String stat : COMPARED_STATS) {
          double b = m.getValue().get(stat);
          double v = o.get(stat);
          rows.add(new ComparisonRow(m.getKey(), stat, m.getValue().n(), b, o.n(), v,
              b == 0 ? null : v / b));
        }
      }
      if (rows.isEmpty()) {
        continue;
      }
      out.add(new Comparison(k.scenario(), k.backend(), k.faultKind(), BASE_POLICY, OTHER_POLICY,
          List.copyOf(rows)));
    }
    return List.copyOf(out);
  }

  /** Collects one group's samples and counts while files are read. */
  private static final class GroupAccumulator {
    final Map<String, List<Double>> samples = new LinkedHashMap<>();
    final Map<String, Long> counts = new LinkedHashMap<>();
    final List<String> leaks = new ArrayList<>();
    double driftMs;
    double expectedMs;

    void sample(String metric, double value) {
      samples.computeIfAbsent(metric, k -> new ArrayList<>()).add(value);
    }

    FaultGroup toGroup(GroupKey key) {
      Map<String, Long> c = new LinkedHashMap<>();
      for (String name : FaultGroup.COUNTS) {
        c.put(name, counts.getOrDefault(name, 0L));
      }
      Map<String, Double> values = new LinkedHashMap<>();
      if (expectedMs > 0) {
        values.put("tickDriftMs", driftMs);
        values.put("tickDriftFraction", Math.abs(driftMs) / expectedMs);
      }
      return new FaultGroup(key, Stats.byName(samples, FaultGroup.METRICS), c, values, List.copyOf(leaks));
    }
  }
}
