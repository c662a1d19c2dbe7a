package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A seeded, replayable fault schedule: a weighted fault mix, an interval with jitter, and a
 * fault-count limit, run one fault at a time against a managed server.
 *
 * <p>Immutable: every setter returns a changed copy. The same seed gives the same sequence of
 * faults and gaps ({@link #plan(int)}), drawn from {@link java.util.Random}, whose algorithm is
 * fixed by its specification. A run injects a fault, keeps a lasting one for {@link #hold},
 * heals it, waits for the first successful client RPC (recorded as
 * {@link ChaosEventType#RPC_RECOVERED}), then waits the next gap.
 *
 * <pre>{@code
 * ChaosRun run = ChaosSchedule.seeded(42).every(Duration.ofSeconds(2))
 *     .faults(FaultKind.KILL, FaultKind.SUSPEND).run(chaos, Duration.ofSeconds(30));
 * }</pre>
 */
@API(status = EXPERIMENTAL)
public final class ChaosSchedule {

  /** Faults a schedule cannot run: they need a stopped manager or end its supervisor. */
  private static final Set<FaultKind> UNSCHEDULABLE =
      EnumSet.of(FaultKind.HOLD_LOCK, FaultKind.KILL_DURING_STOP);

  private final long seed;
  private final Duration interval;
  private final Duration jitter;
  private final Map<FaultKind, Integer> mix;
  private final Duration hold;
  private final Duration recoveryTimeout;
  private final int maxFaults;

  private ChaosSchedule(long seed, Duration interval, Duration jitter, Map<FaultKind, Integer> mix,
      Duration hold, Duration recoveryTimeout, int maxFaults) {
    this.seed = seed;
    this.interval = interval;
    this.jitter = jitter;
    this.mix = mix;
    this.hold = hold;
    this.recoveryTimeout = recoveryTimeout;
    this.maxFaults = maxFaults;
  }

  /**
   * A schedule with the seed and defaults: every 2 s, no jitter, hold 1 s, recovery timeout
   * 30 s, no fault-count limit, and no faults yet (set them with {@link #faults}).
   */
  public static ChaosSchedule seeded(long seed) {
    return new ChaosSchedule(seed, Duration.ofSeconds(2), Duration.ZERO, Map.of(),
        Duration.ofSeconds(1), Duration.ofSeconds(30), 0);
  }

  /** The interval between one fault's recovery and the next fault (positive). */
  public ChaosSchedule every(Duration interval) {
    positive("interval", interval);
    return new ChaosSchedule(seed, interval, jitter, mix, hold, recoveryTimeout, maxFaults);
  }

  /** Each gap is the interval plus a seeded uniform draw in [-jitter, +jitter], at least 0. */
  public ChaosSchedule jitter(Duration jitter) {
    if (jitter == null || jitter.isNegative()) {
      throw new IllegalArgumentException("jitter = " + jitter + "; accepted: zero or positive");
    }
    return new ChaosSchedule(seed, interval, jitter, mix, hold, recoveryTimeout, maxFaults);
  }

  /** The fault mix: these kinds with equal weights (replaces an earlier mix). */
  public ChaosSchedule faults(FaultKind... kinds) {
    if (kinds == null || kinds.length == 0) {
      throw new IllegalArgumentException("faults = []; accepted: at least one fault kind");
    }
    Map<FaultKind, Integer> weights = new LinkedHashMap<>();
    for (FaultKind kind : kinds) {
      weights.put(schedulable(kind), 1);
    }
    return new ChaosSchedule(seed, interval, jitter, ordered(weights), hold, recoveryTimeout,
        maxFaults);
  }

  /** Adds a kind to the mix with a weight (positive), or changes its weight. */
  public ChaosSchedule fault(FaultKind kind, int weight) {
    if (weight <= 0) {
      throw new IllegalArgumentException("weight of " + kind + " = " + weight
          + "; accepted: a positive integer");
    }
    Map<FaultKind, Integer> weights = new LinkedHashMap<>(mix);
    weights.put(schedulable(kind), weight);
    return new ChaosSchedule(seed, interval, jitter, ordered(weights), hold, recoveryTimeout,
        maxFaults);
  }

  /** How long a lasting fault (suspend, hang, port theft, pid-file faults) stays before healing. */
  public ChaosSchedule hold(Duration hold) {
    positive("hold", hold);
    return new ChaosSchedule(seed, interval, jitter, mix, hold, recoveryTimeout, maxFaults);
  }

  /** How long to wait for a successful RPC after each fault (positive). */
  public ChaosSchedule recoveryTimeout(Duration timeout) {
    positive("recoveryTimeout", timeout);
    return new ChaosSchedule(seed, interval, jitter, mix, hold, timeout, maxFaults);
  }

  /** Stops after this many faults (positive); without it only the run's duration limits. */
  public ChaosSchedule maxFaults(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("maxFaults = " + count + "; accepted: positive");
    }
    return new ChaosSchedule(seed, interval, jitter, mix, hold, recoveryTimeout, count);
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The fault mix with weights, in the order the kinds were added. */
  public Map<FaultKind, Integer> mix() {
    return mix;
  }

  /** The supervisor policy with its backoff jitter drawn from this schedule's seed. */
  public SupervisorPolicy seededPolicy(SupervisorPolicy base) {
    return base.toBuilder().randomSeed(seed).build();
  }

  /** The first {@code count} faults and gaps this seed produces; the same on every call. */
  public List<ScheduledFault> plan(int count) {
    requireMix();
    Random random = new Random(seed);
    List<ScheduledFault> plan = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      plan.add(next(random, i));
    }
    return plan;
  }

  /**
   * Runs the schedule against the chaos's server until the duration is used up (a gap that
   * would end past it is not started) or the fault-count limit is reached. Each fault is
   * healed before the next; a refused fault is recorded and the run goes on.
   */
  public ChaosRun run(Chaos chaos, Duration total) throws InterruptedException {
    Objects.requireNonNull(chaos, "chaos");
    positive("total", total);
    requireMix();
    Random random = new Random(seed);
    long start = System.nanoTime();
    List<FaultOutcome> outcomes = new ArrayList<>();
    ScheduledFaultRunner runner = new ScheduledFaultRunner(hold, recoveryTimeout);
    for (int i = 0; maxFaults == 0 || i < maxFaults; i++) {
      ScheduledFault planned = next(random, i);
      if (System.nanoTime() - start + planned.gap().toNanos() > total.toNanos()) {
        break;
      }
      Thread.sleep(planned.gap().toMillis());
      outcomes.add(runner.run(chaos, planned));
    }
    return new ChaosRun(seed, outcomes, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Runs the schedule with a {@link Chaos} of its own, closed (so healed) at the end. */
  public ChaosRun run(TemporalManager manager, Duration total) throws InterruptedException {
    try (Chaos chaos = Chaos.on(manager)) {
      return run(chaos, total);
    }
  }

  @Override
  public String toString() {
    return "ChaosSchedule[seed " + seed + ", every " + interval + " ± " + jitter + ", " + mix
        + ", hold " + hold + (maxFaults > 0 ? ", max " + maxFaults : "") + "]";
  }

  private ScheduledFault next(Random random, int index) {
    double draw = random.nextDouble() * 2 - 1;
    long gap = Math.max(0, interval.toNanos() + (long) (draw * jitter.toNanos()));
    int total = mix.values().stream().mapToInt(Integer::intValue).sum();
    int pick = random.nextInt(total);
    FaultKind chosen = null;
    for (Map.Entry<FaultKind, Integer> entry : mix.entrySet()) {
      pick -= entry.getValue();
      if (pick < 0) {
        chosen = entry.getKey();
        break;
      }
    }
    return new ScheduledFault(index, Duration.ofNanos(gap), chosen);
  }

  private void requireMix() {
    if (mix.isEmpty()) {
      throw new IllegalStateException("no faults in " + this + "; set them with faults(...)");
    }
  }

  private static Map<FaultKind, Integer> ordered(Map<FaultKind, Integer> weights) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  private static FaultKind schedulable(FaultKind kind) {
    Objects.requireNonNull(kind, "fault kind");
    if (UNSCHEDULABLE.contains(kind)) {
      throw new IllegalArgumentException(kind + " cannot be scheduled: it needs a stopped "
          + "manager or ends the supervisor; inject it directly with Chaos");
    }
    return kind;
  }

  private static void positive(String setting, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(setting + " = " + value + "; accepted: positive");
    }
  }
}
