package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.Signal;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Measures recovery as the user feels it, for the measure command: for each kill, from the kill
 * to detection, to the first answer of a fresh probe (server-side recovery), to the first answer
 * of stubs created before the fault and kept (client), to a worker started before the fault
 * completing a new workflow (worker), and, on the persistent CLI backend, to a workflow that was
 * in flight at the kill completing (in-flight).
 *
 * <p>Kills are isolated (the server idle for a while before) or in bursts (each kill shortly
 * after the previous recovery). Not a test: the numbers are printed, with the recovery targets.
 */
final class RecoveryBenchmark {

  /** The figures of one kill, in report order. */
  static final List<String> FIGURES =
      List.of("detected", "server-side", "client", "worker", "in-flight", "no-fault workflow",
          "client after ready", "worker after ready");

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Duration ISOLATED_IDLE = Duration.ofSeconds(5);
  private static final Duration BURST_GAP = Duration.ofMillis(300);
  private static final Duration IN_FLIGHT_TIMER = Duration.ofMillis(500);

  /** One policy's results. */
  record Result(String label, Map<String, Map<String, List<Double>>> byMode,
      Map<String, List<Double>> spawnToReady) {

    List<Double> figure(String mode, String figure) {
      return byMode.getOrDefault(mode, Map.of()).getOrDefault(figure, List.of());
    }
  }

  private final BackendKind backend;
  private final int rounds;
  private final int bursts;
  private final int burstSize;
  private final PrintStream out;

  RecoveryBenchmark(BackendKind backend, int rounds, int bursts, int burstSize, PrintStream out) {
    this.backend = backend;
    this.rounds = rounds;
    this.bursts = bursts;
    this.burstSize = burstSize;
    this.out = out;
  }

  /** Runs isolated kills and bursts under one policy, with or without client reconnects. */
  Result run(String label, SupervisorPolicy policy, boolean reconnect) throws Exception {
    boolean inFlight = backend == BackendKind.CLI;
    Map<String, Map<String, List<Double>>> byMode = new LinkedHashMap<>();
    Map<String, List<Double>> spawn = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "supervised-temporal-measure");
      t.setDaemon(true);
      return t;
    });
    try (TemporalManager m = TemporalManager.builder().backend(backend).persistent(inFlight)
        .build()) {
      m.start();
      m.startSupervisor(policy);
      try (UserClients clients = UserClients.open(m, reconnect)) {
        if (clients.hasWorker()) {
          clients.runWorkflow(TIMEOUT); // the worker polls and the JIT is warm
        }
        for (int i = 0; i < rounds; i++) {
          long offset = 137L * i % policy.checkInterval().toMillis();
          Thread.sleep(ISOLATED_IDLE.toMillis() + offset);
          kill(m, clients, inFlight, pool, byMode.computeIfAbsent("isolated",
              k -> new LinkedHashMap<>()), spawn.computeIfAbsent("isolated",
              k -> new ArrayList<>()));
        }
        for (int b = 0; b < bursts; b++) {
          Thread.sleep(ISOLATED_IDLE.toMillis());
          for (int k = 0; k < burstSize; k++) {
            kill(m, clients, inFlight, pool, byMode.computeIfAbsent("burst of " + burstSize,
                x -> new LinkedHashMap<>()), spawn.computeIfAbsent("burst of " + burstSize,
                x -> new ArrayList<>()));
            Thread.sleep(BURST_GAP.toMillis());
          }
        }
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
    Result result = new Result(label, byMode, spawn);
    print(result);
    return result;
  }

  private void kill(TemporalManager m, UserClients clients, boolean inFlight,
      ExecutorService pool, Map<String, List<Double>> figures, List<Double> spawn)
      throws Exception {
    if (clients.hasWorker()) {
      // what a new workflow takes without a fault, to tell the SDK's own costs after one apart
      long began = System.nanoTime();
      add(figures, "no-fault workflow", clients.runWorkflow(TIMEOUT) - began);
    }
    UserClients.InFlight flying = null;
    if (inFlight && clients.hasWorker()) {
      flying = clients.startInFlight(IN_FLIGHT_TIMER);
      Thread.sleep(150); // its first workflow task has run: the timer is durable
    }
    ProcessIdentity old = m.serverIdentity().orElseThrow();
    int from = m.events().size();
    long killedAt = System.nanoTime();
    ProcessGroups.signalGroup(old, Signal.KILL);
    ProcessHandle.of(old.pid()).ifPresent(h -> {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // measured anyway; the figures will show it
      }
    });
    Future<Long> server = pool.submit(until(() -> m.answersRpc(Duration.ofMillis(200))));
    Future<Long> client = pool.submit(until(() -> clients.stubsAnswer(Duration.ofMillis(200))));
    Future<Long> worker = clients.hasWorker()
        ? pool.submit(() -> clients.runWorkflow(TIMEOUT)) : null;
    UserClients.InFlight awaited = flying;
    Future<Long> inflight = awaited == null ? null : pool.submit(() -> awaited.await(TIMEOUT));
    SupervisorEvent unhealthy = m.events().await("UNHEALTHY", from,
        e -> e.type() == SupervisorEventType.UNHEALTHY, TIMEOUT);
    SupervisorEvent restarted = m.events().await("RESTARTED", from,
        e -> e.type() == SupervisorEventType.RESTARTED, TIMEOUT);
    add(figures, "detected", unhealthy.nanoTime() - killedAt);
    add(figures, "server-side", server.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS) - killedAt);
    long clientAt = client.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    add(figures, "client", clientAt - killedAt);
    add(figures, "client after ready", clientAt - restarted.nanoTime());
    if (worker != null) {
      long workerAt = worker.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      add(figures, "worker", workerAt - killedAt);
      add(figures, "worker after ready", workerAt - restarted.nanoTime());
    }
    if (inflight != null) {
      add(figures, "in-flight", inflight.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS) - killedAt);
    }
    spawn.add(restarted.duration().toNanos() / 1e6);
  }

  private static Callable<Long> until(BooleanSupplier answers) {
    return () -> {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        if (answers.getAsBoolean()) {
          return System.nanoTime();
        }
        Thread.sleep(5);
      }
      throw new TimeoutException("no answer within " + TIMEOUT);
    };
  }

  private static void add(Map<String, List<Double>> figures, String name, long nanos) {
    figures.computeIfAbsent(name, k -> new ArrayList<>()).add(nanos / 1e6);
  }

  private void print(Result r) {
    for (Map.Entry<String, Map<String, List<Double>>> mode : r.byMode().entrySet()) {
      double spawnP50 = percentile(r.spawnToReady().get(mode.getKey()), 50);
      out.printf("%s, %s kills (n=%d), ms from the kill:   p50      p95%n", r.label(),
          mode.getKey(), r.spawnToReady().get(mode.getKey()).size());
      for (String figure : FIGURES) {
        List<Double> v = mode.getValue().get(figure);
        if (v != null) {
          out.printf("  %-34s %8.0f %8.0f%n", label(figure), percentile(v, 50),
              percentile(v, 95));
        }
      }
      out.printf("  %-34s %8.0f%n", "restart spawn -> ready", spawnP50);
      List<Double> client = mode.getValue().get("client");
      List<Double> worker = mode.getValue().get("worker");
      out.printf("  target client p95 <= spawn->ready p50 + 150 = %.0f: %s%n", spawnP50 + 150,
          met(percentile(client, 95) <= spawnP50 + 150));
      if (worker != null) {
        out.printf("  target worker p95 <= spawn->ready p50 + 600 = %.0f: %s%n", spawnP50 + 600,
            met(percentile(worker, 95) <= spawnP50 + 600));
      }
    }
  }

  private static String label(String figure) {
    return switch (figure) {
      case "detected" -> "detected (UNHEALTHY)";
      case "server-side" -> "server-side (fresh probe RPC)";
      case "client" -> "client (stubs kept across)";
      case "worker" -> "worker completes a new workflow";
      case "in-flight" -> "in-flight workflow completes";
      case "no-fault workflow" -> "(a new workflow without a fault)";
      case "client after ready" -> "(client, from RESTARTED)";
      case "worker after ready" -> "(worker, from RESTARTED)";
      default -> figure;
    };
  }

  static String met(boolean met) {
    return met ? "met" : "NOT met";
  }

  /** The nearest-rank percentile, or NaN without values. */
  static double percentile(List<Double> values, double p) {
    if (values == null || values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
