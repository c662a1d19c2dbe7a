package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.supervisedtemporal.chaos.Chaos;
import dev.supervisedtemporal.chaos.ChaosSchedule;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Runs your own workflows against a supervised server while a seeded {@link ChaosSchedule}
 * hits it, records every unit's history and checks it: a Jepsen-style run for Temporal
 * applications.
 *
 * <p>Immutable: every setter returns a changed copy. A unit is one call of the
 * {@link UnitStarter}, usually one workflow. Units are started at a fixed {@link #rate} (open
 * loop: a slow start does not delay the next) or by a fixed number of {@link #concurrency}
 * callers (closed loop), until {@link #units} were started or {@link #duration} passed. The
 * schedule runs meanwhile (for the duration, or units ÷ rate); then the run waits for every
 * outstanding result (at most {@link #unitTimeout} per unit) and the {@link Checker} gives the
 * {@link WorkloadVerdict}.
 *
 * <pre>{@code
 * WorkloadVerdict verdict = Workload.of("payments", String.class, (i, client) -> {
 *       PaymentWorkflow wf = client.newWorkflowStub(PaymentWorkflow.class, options("pay-" + i));
 *       WorkflowClient.start(wf::pay, i);
 *       return WorkflowStub.fromTyped(wf);
 *     })
 *     .rate(20).duration(Duration.ofSeconds(30))
 *     .faults(ChaosSchedule.seeded(42).every(Duration.ofSeconds(3))
 *         .faults(FaultKind.KILL, FaultKind.SUSPEND))
 *     .recording(activities)                 // an ActivityRecorder on the worker factory
 *     .checking(Checker.standard().expectResults(i -> "paid " + i))
 *     .run(client, chaos);
 * verdict.assertPassed();
 * }</pre>
 *
 * @param <R> the workflows' result type
 */
@API(status = EXPERIMENTAL)
public final class Workload<R> {

  private static final Duration DEFAULT_UNIT_TIMEOUT = Duration.ofMinutes(2);

  final String name;
  final Class<R> resultType;
  final UnitStarter starter;
  final double rate;
  final int concurrency;
  final int units;
  final Duration duration;
  final Duration unitTimeout;
  final ChaosSchedule schedule;
  final Checker checker;
  final ActivityRecorder recorder;

  private Workload(String name, Class<R> resultType, UnitStarter starter, double rate,
      int concurrency, int units, Duration duration, Duration unitTimeout, ChaosSchedule schedule,
      Checker checker, ActivityRecorder recorder) {
    this.name = name;
    this.resultType = resultType;
    this.starter = starter;
    this.rate = rate;
    this.concurrency = concurrency;
    this.units = units;
    this.duration = duration;
    this.unitTimeout = unitTimeout;
    this.schedule = schedule;
    this.checker = checker;
    this.recorder = recorder;
  }

  /**
   * A workload named {@code name} whose units the starter starts and whose results are of
   * {@code resultType}; defaults: rate 10/s, no unit or duration limit yet (set one), unit
   * timeout 2 min, no faults, {@link Checker#standard()}.
   */
  public static <R> Workload<R> of(String name, Class<R> resultType, UnitStarter starter) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("workload name = '" + name + "'; accepted: non-blank");
    }
    return new Workload<>(name, Objects.requireNonNull(resultType, "resultType"),
        Objects.requireNonNull(starter, "starter"), 10, 0, 0, null, DEFAULT_UNIT_TIMEOUT, null,
        Checker.standard(), null);
  }

  /** Starts units at this many per second (open loop); replaces {@link #concurrency}. */
  public Workload<R> rate(double perSecond) {
    if (!(perSecond > 0) || perSecond > 10_000) {
      throw new IllegalArgumentException("rate = " + perSecond
          + "; accepted: units per second in (0, 10000]");
    }
    return new Workload<>(name, resultType, starter, perSecond, 0, units, duration, unitTimeout,
        schedule, checker, recorder);
  }

  /** Runs this many callers, each starting a unit and awaiting it (closed loop); replaces {@link #rate}. */
  public Workload<R> concurrency(int callers) {
    if (callers <= 0 || callers > 1000) {
      throw new IllegalArgumentException("concurrency = " + callers + "; accepted: 1..1000");
    }
    return new Workload<>(name, resultType, starter, 0, callers, units, duration, unitTimeout,
        schedule, checker, recorder);
  }

  /** Starts at most this many units. */
  public Workload<R> units(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("units = " + count + "; accepted: a positive integer");
    }
    return new Workload<>(name, resultType, starter, rate, concurrency, count, duration,
        unitTimeout, schedule, checker, recorder);
  }

  /** Starts units for this long (and runs the fault schedule for this long). */
  public Workload<R> duration(Duration length) {
    positive("duration", length);
    return new Workload<>(name, resultType, starter, rate, concurrency, units, length,
        unitTimeout, schedule, checker, recorder);
  }

  /** How long to wait for one unit's result after its start; later it is {@link UnitOutcome#TIMED_OUT}. */
  public Workload<R> unitTimeout(Duration timeout) {
    positive("unitTimeout", timeout);
    return new Workload<>(name, resultType, starter, rate, concurrency, units, duration, timeout,
        schedule, checker, recorder);
  }

  /** The seeded fault schedule that runs meanwhile. */
  public Workload<R> faults(ChaosSchedule faults) {
    return new Workload<>(name, resultType, starter, rate, concurrency, units, duration,
        unitTimeout, Objects.requireNonNull(faults, "faults"), checker, recorder);
  }

  /** The checks of the verdict (default {@link Checker#standard()}). */
  public Workload<R> checking(Checker checks) {
    return new Workload<>(name, resultType, starter, rate, concurrency, units, duration,
        unitTimeout, schedule, Objects.requireNonNull(checks, "checks"), recorder);
  }

  /** The recorder enabled on the worker factory: its activity executions join the history. */
  public Workload<R> recording(ActivityRecorder activities) {
    return new Workload<>(name, resultType, starter, rate, concurrency, units, duration,
        unitTimeout, schedule, checker, Objects.requireNonNull(activities, "activities"));
  }

  /** The workload's name. */
  public String name() {
    return name;
  }

  /** The fault schedule, or null. */
  public ChaosSchedule schedule() {
    return schedule;
  }

  /**
   * How long faults run: the duration, else units ÷ rate.
   *
   * @throws IllegalStateException when neither is known (concurrency with a unit count only)
   */
  public Duration faultWindow() {
    if (duration != null) {
      return duration;
    }
    if (rate > 0 && units > 0) {
      return Duration.ofNanos((long) (units / rate * 1e9));
    }
    throw new IllegalStateException("workload " + name + " has faults but no known length: set "
        + "duration(...), or rate(...) with units(...)");
  }

  /**
   * Runs the workload with the client while the schedule (if any) hits the chaos's server, and
   * checks it. Every thread it starts is gone when it returns or throws.
   *
   * @param client the client the units are started with (the user's own, kept across faults)
   * @param chaos the fault injector of the server the client talks to; null only without faults
   * @throws IllegalStateException when neither a unit count nor a duration is set, or faults are
   *     set without a chaos
   */
  public WorkloadVerdict run(WorkflowClient client, Chaos chaos) throws InterruptedException {
    Objects.requireNonNull(client, "client");
    if (units == 0 && duration == null) {
      throw new IllegalStateException("workload " + name + " has no end: set units(...) or "
          + "duration(...)");
    }
    if (schedule != null) {
      if (chaos == null) {
        throw new IllegalStateException("workload " + name + " has faults(...) but no chaos to "
            + "inject them: pass the server's Chaos");
      }
      faultWindow();
    }
    return checker.verdict(new WorkloadDriver<>(this, client, chaos).run());
  }

  /** Runs the workload without faults; see {@link #run(WorkflowClient, Chaos)}. */
  public WorkloadVerdict run(WorkflowClient client) throws InterruptedException {
    if (schedule != null) {
      throw new IllegalStateException("workload " + name + " has faults(...): use "
          + "run(client, chaos)");
    }
    return run(client, null);
  }

  @Override
  public String toString() {
    return "Workload[" + name + ", " + (rate > 0 ? rate + "/s" : concurrency + " callers")
        + (units > 0 ? ", " + units + " units" : "") + (duration != null ? ", " + duration : "")
        + (schedule != null ? ", " + schedule : "") + ", " + checker + "]";
  }

  private static void positive(String setting, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(setting + " = " + value + "; accepted: positive");
    }
  }
}
