package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one managed Temporal server alive: checks it at a fixed rate, and restarts it after a
 * backoff when it is dead, hung or not ours.
 *
 * <p>The loop ticks; on a failed check it waits the backoff, re-checks cancellation and calls
 * the idempotent start. On top of that, each switchable by {@link SupervisorPolicy}:
 * the child's exit event is acted on at once; a protocol probe with a deadline and a failure
 * threshold detects a hung server, which the restart kills (KILL + CONT to its group); a server
 * that had served for the policy's minimum serving uptime is replaced at once, as s6 does,
 * while restarts that fail (a crash loop) back off with growing, jittered delays that reset
 * after stable uptime; too many restarts in a window end in {@link SupervisorState#GAVE_UP} with
 * the server's last log lines. An attempt refused because a foreign process holds the port is
 * waiting, not a restart: it does not count toward that limit; the supervisor reports the thief
 * ({@link SupervisorEventType#PORT_HELD}) and tries again after a backoff capped at the policy's
 * maximum, for as long as the theft lasts.
 *
 * <p>A server it only watches (the external backend) is reported {@code UNHEALTHY} once when it
 * fails and {@code HEALTHY} when it is back, and never restarted.
 *
 * <p>All decisions run on one thread, so the state needs no locks. {@link #stop()} closes the
 * spawn gate before anything else: once it has begun no new server process is started. It then
 * interrupts a restart under way and joins the thread within the policy's stop timeout. A
 * failure inside the loop is logged and turned into an event; it never ends the supervisor or
 * its host.
 */
@API(status = STABLE, since = "0.1.0")
public final class Supervisor {

  private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
  private static final int LOG_TAIL_LINES = 20;

  private final SupervisedServer server;
  private final SupervisorPolicy policy;
  private final SupervisorScheduler scheduler;
  private final SupervisorEvents events;
  private final RandomGenerator random;
  private final SpawnGate gate = new SpawnGate();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger restarts = new AtomicInteger();
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile SupervisorState state = SupervisorState.NEW;
  private volatile HealthReport lastReport;
  private volatile boolean stopped;
  private SupervisorEvents.Registration exitSubscription;

  // Confined to the scheduler thread.
  private long anchor;
  private long tickIndex;
  private long nextDue;
  private SupervisorScheduler.Cancellable nextTick;
  private SupervisorScheduler.Cancellable pendingRestart;
  private boolean recovering;
  private boolean markedUnhealthy;
  private int consecutiveFailures;
  private int backoffAttempt;
  private int portWaits;
  private long lastRestartNanos = -1;
  private long servingSince = -1;
  private long lastHealthyNanos = -1;
  private final Deque<Long> attemptTimes = new ArrayDeque<>();

  Supervisor(SupervisedServer server, SupervisorPolicy policy, SupervisorScheduler scheduler,
      SupervisorEvents events, RandomGenerator random) {
    this.server = server;
    this.policy = policy;
    this.scheduler = scheduler;
    this.events = events;
    this.random = random;
  }

  /** Starts watching; the first check runs one interval from now. Idempotent. */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    state = SupervisorState.RUNNING;
    if (policy.reactToExit()) {
      exitSubscription = server.onExit(exit -> scheduler.execute(() -> onExit(exit)));
    }
    scheduler.execute(() -> {
      anchor = scheduler.nanoTime();
      if (server.pid() > 0) {
        servingSince = anchor;
      }
      emit(SupervisorEventType.STARTED, server.pid(), false, 0, Duration.ZERO,
          server.describe() + " " + policy);
      scheduleNextTick();
    });
  }

  /**
   * Stops: no restart begins after this call starts, a restart under way is interrupted, and
   * the supervisor thread is gone when it returns (within the policy's stop timeout).
   * Idempotent; safe from any thread, including a listener on the supervisor's own thread.
   */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      awaitStopped();
      return;
    }
    state = SupervisorState.STOPPING;
    gate.close();
    if (exitSubscription != null) {
      exitSubscription.close();
    }
    boolean ended;
    try {
      ended = scheduler.shutdown(policy.stopTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    }
    if (!ended) {
      LOG.warn("supervisor of {} did not end within {}", server.describe(), policy.stopTimeout());
    }
    state = SupervisorState.STOPPED;
    emit(SupervisorEventType.STOPPED, server.pid(), false, 0, Duration.ZERO,
        ended ? "" : "thread did not end within " + policy.stopTimeout());
    synchronized (this) {
      stopped = true;
      notifyAll();
    }
  }

  /** Where the supervisor is in its life. */
  public SupervisorState state() {
    return state;
  }

  /** Whether {@link #stop()} has begun. */
  public boolean isStopping() {
    return stopping.get();
  }

  /** How many restarts succeeded. */
  public int restartCount() {
    return restarts.get();
  }

  /** The result of the most recent health check, or null before the first. */
  public HealthReport lastReport() {
    return lastReport;
  }

  /** The policy this supervisor follows. */
  public SupervisorPolicy policy() {
    return policy;
  }

  /** The event log this supervisor writes to. */
  public SupervisorEvents events() {
    return events;
  }

  SpawnGate gate() {
    return gate;
  }

  private void awaitStopped() {
    if (scheduler.inSchedulerThread()) {
      return;
    }
    long deadline = System.nanoTime() + policy.stopTimeout().toNanos();
    synchronized (this) {
      while (!stopped) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void scheduleNextTick() {
    if (stopping.get() || state == SupervisorState.GAVE_UP) {
      return;
    }
    long interval = policy.checkInterval().toNanos();
    long now = scheduler.nanoTime();
    tickIndex++;
    long due = anchor + tickIndex * interval;
    if (due <= now) {
      // Missed slots (a long restart) are skipped, never bunched: stay on the fixed grid.
      tickIndex = (now - anchor) / interval + 1;
      due = anchor + tickIndex * interval;
    }
    nextDue = due;
    nextTick = scheduler.schedule(this::tick, Duration.ofNanos(due - now));
  }

  private void tick() {
    if (stopping.get()) {
      return;
    }
    if (scheduler.nanoTime() - nextDue > policy.checkInterval().toNanos() / 2) {
      // This slot was missed (the thread was busy restarting): drop it, as a ticker does, and
      // check at the next slot on the grid rather than twice in quick succession.
      scheduleNextTick();
      return;
    }
    try {
      long began = scheduler.nanoTime();
      HealthReport report = check();
      lastReport = report;
      emit(SupervisorEventType.TICK, report.pid(), report.healthy(), 0,
          Duration.ofNanos(scheduler.nanoTime() - began),
          report.healthy() ? "" : report.summary());
      if (report.healthy()) {
        onHealthy();
      } else {
        consecutiveFailures++;
        boolean reached =
            consecutiveFailures >= policy.failureThreshold() || report.definitelyDown();
        if (reached && !recovering && state != SupervisorState.GAVE_UP) {
          beginRecovery(report.summary(), lastHealthyNanos);
        }
      }
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError) {
        throw e;
      }
      LOG.warn("supervisor tick of {} failed; continuing", server.describe(), e);
    } finally {
      scheduleNextTick();
    }
  }

  private HealthReport check() {
    try {
      return server.check(policy.probeDepth(), policy.probeTimeout());
    } catch (RuntimeException e) {
      return new HealthReport(scheduler.now(), server.pid(), List.of(new HealthReport.LayerResult(
          HealthReport.Layer.PROTOCOL, false, "health check threw " + e)));
    }
  }

  private void onHealthy() {
    consecutiveFailures = 0;
    lastHealthyNanos = scheduler.nanoTime();
    if (servingSince < 0) {
      servingSince = lastHealthyNanos;
    }
    if (markedUnhealthy && !recovering) {
      markedUnhealthy = false;
      state = SupervisorState.RUNNING;
      emit(SupervisorEventType.HEALTHY, server.pid(), true, 0, Duration.ZERO, "");
    }
    if (lastRestartNanos >= 0
        && scheduler.nanoTime() - lastRestartNanos >= policy.stableUptime().toNanos()) {
      backoffAttempt = 0;
    }
  }

  private void onExit(ServerExit exit) {
    if (stopping.get() || exit.expected() || recovering || state == SupervisorState.GAVE_UP) {
      return;
    }
    if (exit.pid() != server.pid()) {
      // The exit of a server already replaced (a tick saw it dead first and the restart is
      // done): its event arrives late and must not replace the healthy successor.
      return;
    }
    consecutiveFailures = Math.max(consecutiveFailures, policy.failureThreshold());
    beginRecovery("process " + exit.pid() + " exited with code " + exit.exitCode(),
        exit.nanoTime());
  }

  /**
   * Marks the server unhealthy and schedules its restart: at once when it had served for the
   * policy's minimum serving uptime, else after the next backoff step (a crash loop).
   *
   * @param servedUntil the last moment the server is known to have served (its exit, or its
   *     last healthy check), or -1 when unknown
   */
  private void beginRecovery(String reason, long servedUntil) {
    if (!server.restartable()) {
      // Watched, not owned: report it once, never restart; a healthy tick reports it back.
      if (!markedUnhealthy) {
        markedUnhealthy = true;
        emit(SupervisorEventType.UNHEALTHY, server.pid(), false, 0, Duration.ZERO,
            reason + " (watched only: not restarted)");
      }
      return;
    }
    recovering = true;
    markedUnhealthy = true;
    state = SupervisorState.RECOVERING;
    emit(SupervisorEventType.UNHEALTHY, server.pid(), false, 0, Duration.ZERO, reason);
    long served = servingSince < 0 ? -1 : Math.max(servedUntil, servingSince) - servingSince;
    servingSince = -1;
    Duration delay;
    String why;
    if (served >= 0 && policy.minServingUptime().isPresent()
        && served >= policy.minServingUptime().get().toNanos()) {
      backoffAttempt = 0;
      delay = Duration.ZERO;
      why = "served " + served / 1_000_000 + " ms: replaced at once";
    } else {
      delay = Backoff.delay(policy, backoffAttempt++, random);
      why = "";
    }
    emit(SupervisorEventType.BACKOFF, server.pid(), false, 0, delay, why);
    pendingRestart = scheduler.schedule(this::restart, delay);
  }

  private void restart() {
    if (stopping.get()) {
      return;
    }
    long now = scheduler.nanoTime();
    long windowStart = now - policy.restartWindow().toNanos();
    while (!attemptTimes.isEmpty() && attemptTimes.peekFirst() < windowStart) {
      attemptTimes.removeFirst();
    }
    if (attemptTimes.size() >= policy.maxRestarts()) {
      giveUp(attemptTimes.size() + " restart attempts within " + policy.restartWindow());
      return;
    }
    attemptTimes.addLast(now);
    int attempt = attempts.incrementAndGet();
    emit(SupervisorEventType.RESTART_ATTEMPT, server.pid(), false, attempt, Duration.ZERO, "");
    try {
      StartResult result = server.restart(gate);
      restarts.incrementAndGet();
      lastRestartNanos = scheduler.nanoTime();
      servingSince = lastRestartNanos;
      lastHealthyNanos = lastRestartNanos;
      recovering = false;
      markedUnhealthy = false;
      consecutiveFailures = 0;
      portWaits = 0;
      state = SupervisorState.RUNNING;
      emit(SupervisorEventType.RESTARTED, result.pid(), true, attempt, result.spawnToReady(),
          result.reused() ? "reused a healthy server" : "");
      emit(SupervisorEventType.HEALTHY, result.pid(), true, 0, Duration.ZERO, "");
    } catch (SpawnCancelledException e) {
      recovering = false;
    } catch (InterruptedException e) {
      recovering = false;
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (e instanceof PortInUseException held && held.holderPid() > 0 && !stopping.get()
          && !Thread.currentThread().isInterrupted()) {
        awaitPort(held, now);
        return;
      }
      recovering = false;
      if (stopping.get() || Thread.currentThread().isInterrupted()) {
        return;
      }
      String reason = FailureSummary.of(e);
      LOG.warn("restart {} of {} failed: {}", attempt, server.describe(), reason);
      emit(SupervisorEventType.RESTART_FAILED, server.pid(), false, attempt, Duration.ZERO,
          reason);
      // Back to ticking: the next failed check schedules the next attempt,
      // with a longer backoff.
    }
  }

  /**
   * A foreign process holds the port: this attempt was waiting, not a restart. Takes it back out
   * of the restart window, names the thief and tries again after a backoff (capped at the
   * policy's maximum), so the server returns within one step of the port being freed.
   */
  private void awaitPort(PortInUseException held, long attemptNanos) {
    attemptTimes.removeLastOccurrence(attemptNanos);
    Duration delay = Backoff.delay(policy, portWaits++, random);
    if (portWaits == 1) {
      LOG.warn("{}: waiting for port {}, held by pid {}; not counted as a restart",
          server.describe(), held.port(), held.holderPid());
    }
    emit(SupervisorEventType.PORT_HELD, held.holderPid(), false, 0, delay,
        FailureSummary.of(held));
    pendingRestart = scheduler.schedule(this::restart, delay);
  }

  private void giveUp(String reason) {
    state = SupervisorState.GAVE_UP;
    recovering = false;
    if (nextTick != null) {
      nextTick.cancel();
    }
    List<String> tail = server.logTail(LOG_TAIL_LINES);
    String detail = reason + "; last " + tail.size() + " log lines:\n" + String.join("\n", tail);
    LOG.error("supervisor of {} gave up: {}", server.describe(), detail);
    emit(SupervisorEventType.GAVE_UP, server.pid(), false, 0, Duration.ZERO, detail);
  }

  private void emit(SupervisorEventType type, long pid, boolean healthy, int attempt,
      Duration duration, String detail) {
    events.publish(new SupervisorEvent(type, scheduler.nanoTime(), scheduler.now(), pid, healthy,
        attempt, duration, detail));
  }
}
