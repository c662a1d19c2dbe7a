package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ResidentMemory;
import dev.supervisedtemporal.lifecycle.process.Signal;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The {@code measure --standby} part of {@link LifecycleMain}: recovery as the user's own client
 * feels it, with the warm standby off, with one standby, and with a pool of several, in the same
 * run.
 *
 * <p>For each mode one embedded server runs under {@link SupervisorPolicy#recommended()}, and one
 * {@link WorkflowServiceStubs} is created before the first fault and kept across all of them; its
 * channel's connect backoff is reset when the supervisor reports the replacement ready (as the
 * library's own clients do). It measures: isolated {@code kill -9} (each after the standby is
 * warm again) → the user's {@code GetSystemInfo} succeeds; bursts of five kills (each after the
 * whole pool is warm), each kill as soon as the previous one was served; {@code SIGSTOP} →
 * detected and → served again; and the resident memory of each warm standby.
 */
final class StandbyMeasure {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int BURST = 5;

  private StandbyMeasure() {}

  static int run(BackendKind backend, int rounds, int pool, PrintStream out) throws Exception {
    if (backend != BackendKind.EMBEDDED) {
      out.println("error: --standby needs --backend embedded; the " + backend.name()
          .toLowerCase(Locale.ROOT) + " backend cannot start a server without binding its port");
      return 2;
    }
    int bursts = Math.max(2, rounds / 3);
    int hangs = Math.max(2, Math.min(rounds, 4));
    out.printf("standby off vs on (1 and %d standbys), embedded, policy %s; %d isolated kills, "
        + "%d bursts of %d, %d hangs per mode; ms from the fault to the user's client (created "
        + "before) served%n", pool, policy(), rounds, bursts, BURST, hangs);
    measureMode(StandbyMode.OFF, 0, rounds, bursts, hangs, out);
    measureMode(StandbyMode.ON, 1, rounds, bursts, hangs, out);
    if (pool > 1) {
      measureMode(StandbyMode.ON, pool, rounds, bursts, hangs, out);
    }
    out.println("targets with standby on: kill -> served p50 <= 100, p95 <= 200 (isolated and "
        + "bursts); hang -> served <= detection + 100");
    return 0;
  }

  private static void measureMode(StandbyMode mode, int count, int rounds, int bursts,
      int hangs, PrintStream out) throws Exception {
    List<Double> isolated = new ArrayList<>();
    List<Double> isolatedRestarted = new ArrayList<>();
    List<Double> burst = new ArrayList<>();
    List<Double> hangDetected = new ArrayList<>();
    List<Double> hangServed = new ArrayList<>();
    List<Double> afterDetection = new ArrayList<>();
    List<Double> rss = new ArrayList<>();
    SupervisorPolicy policy = policy();
    TemporalManager.Builder builder = TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .standby(mode);
    if (count > 0) {
      builder.standbyCount(count);
    }
    try (TemporalManager m = builder.build()) {
      m.start();
      WorkflowServiceStubs user = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(m.target()).build());
      SupervisorEvents.Registration reset = m.events().subscribe(e -> {
        if (e.type() == SupervisorEventType.RESTARTED) {
          user.getRawChannel().resetConnectBackoff();
        }
      });
      try {
        m.startSupervisor(policy);
        awaitServed(user, System.nanoTime(), () -> true);
        for (int i = 0; i < rounds; i++) {
          settle(m, mode, policy, i);
          if (mode == StandbyMode.ON && i == 0) {
            Thread.sleep(1000); // idle a moment before reading the resident set
            for (long pid : m.standby().pids()) {
              rss.add(ResidentMemory.bytes(pid).orElse(-1) / (1024.0 * 1024.0));
            }
          }
          double[] times = killAndAwaitServed(m, user);
          isolated.add(times[0]);
          isolatedRestarted.add(times[1]);
        }
        for (int b = 0; b < bursts; b++) {
          settle(m, mode, policy, b);
          for (int k = 0; k < BURST; k++) {
            burst.add(killAndAwaitServed(m, user)[0]);
          }
        }
        for (int h = 0; h < hangs; h++) {
          settle(m, mode, policy, h);
          int from = m.events().size();
          long stoppedAt = System.nanoTime();
          ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.STOP);
          // The stopped server may still answer a call it had half done: only a call begun after
          // the supervisor marked it unhealthy counts as served again.
          long servedAt = awaitServed(user, stoppedAt, () -> m.events().size() > from
              && m.events().snapshot().subList(from, m.events().size()).stream()
                  .anyMatch(e -> e.type() == SupervisorEventType.UNHEALTHY));
          SupervisorEvent unhealthy = m.events().await("UNHEALTHY", from,
              e -> e.type() == SupervisorEventType.UNHEALTHY, WAIT);
          m.events().await("RESTARTED", from, e -> e.type() == SupervisorEventType.RESTARTED,
              WAIT);
          double detected = (unhealthy.nanoTime() - stoppedAt) / 1e6;
          double served = (servedAt - stoppedAt) / 1e6;
          hangDetected.add(detected);
          hangServed.add(served);
          afterDetection.add(served - detected);
        }
      } finally {
        reset.close();
        user.shutdownNow();
        user.awaitTermination(5, TimeUnit.SECONDS);
      }
      StandbyStatus status = m.standby();
      out.printf("%s: promotions %d, failed promotions %d%n", name(mode, count),
          status.promotions(), status.failedPromotions());
    }
    String name = name(mode, count);
    print(out, name, "kill -9 -> served, isolated", isolated);
    print(out, name, "kill -9 -> RESTARTED event, isolated", isolatedRestarted);
    print(out, name, "kill -9 -> served, bursts of " + BURST, burst);
    print(out, name, "SIGSTOP -> detected", hangDetected);
    print(out, name, "SIGSTOP -> served", hangServed);
    print(out, name, "served - detected (hang)", afterDetection);
    if (!rss.isEmpty()) {
      out.printf("%-12s %-36s %8.1f MiB each (%d standbys, max %.1f)%n", name,
          "warm standby RSS, median", percentile(rss, 50), rss.size(), percentile(rss, 100));
    }
  }

  private static String name(StandbyMode mode, int count) {
    return mode == StandbyMode.OFF ? "standby off" : "standbys " + count;
  }

  /**
   * The recommended policy with two changes: a 1 ms first backoff, which is what "a server that
   * had been serving is replaced at once" gives (so the figures show the replacement, not a
   * wait), and a restart limit the many kills of one measurement do not reach.
   */
  static SupervisorPolicy policy() {
    SupervisorPolicy recommended = SupervisorPolicy.recommended();
    return recommended.toBuilder().name("recommended, replaced at once")
        .backoff(Duration.ofMillis(1), recommended.maxBackoff(), 2.0, 0.2)
        .restartIntensity(1000, Duration.ofMinutes(1)).build();
  }

  /**
   * Waits out the stable uptime (so backoff starts over) and, with standby on, until the whole
   * pool is warm.
   */
  private static void settle(TemporalManager m, StandbyMode mode, SupervisorPolicy policy, int i)
      throws InterruptedException, TimeoutException {
    Thread.sleep(policy.stableUptime().toMillis() + policy.checkInterval().toMillis()
        + 137L * i % 500);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (mode == StandbyMode.ON && m.standby().warmCount() < m.standby().count()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("no warm standby within " + WAIT + ": " + m.standby());
      }
      Thread.sleep(10);
    }
  }

  /** Kills the server; returns ms to the user's client served and to the RESTARTED event. */
  private static double[] killAndAwaitServed(TemporalManager m, WorkflowServiceStubs user)
      throws Exception {
    int from = m.events().size();
    long killedAt = System.nanoTime();
    ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
    long servedAt = awaitServed(user, killedAt, () -> true);
    SupervisorEvent restarted = m.events().await("RESTARTED", from,
        e -> e.type() == SupervisorEventType.RESTARTED, WAIT);
    return new double[] {(servedAt - killedAt) / 1e6, (restarted.nanoTime() - killedAt) / 1e6};
  }

  /** Calls {@code GetSystemInfo} on the user's stubs until one succeeds; returns when. */
  private static long awaitServed(WorkflowServiceStubs user, long since,
      BooleanSupplier counts) throws InterruptedException, TimeoutException {
    long deadline = since + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!counts.getAsBoolean()) {
        Thread.sleep(2);
        continue;
      }
      try {
        user.blockingStub().withDeadlineAfter(200, TimeUnit.MILLISECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
        return System.nanoTime();
      } catch (StatusRuntimeException e) {
        Thread.sleep(2);
      }
    }
    throw new TimeoutException("the user's GetSystemInfo did not succeed within " + WAIT);
  }

  private static void print(PrintStream out, String name, String what, List<Double> values) {
    out.printf("%-12s %-36s p50 %7.1f  p95 %7.1f   %s%n", name, what, percentile(values, 50),
        percentile(values, 95), values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v))
            .toList());
  }

  /** The nearest-rank percentile. */
  static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
