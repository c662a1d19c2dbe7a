package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Measures what supervision costs, for the measure command: CPU time of the supervisor thread
 * per 1000 ticks ({@link ThreadMXBean}) and tick jitter (|spacing of the checks' starts − interval|, p50 and p99; each check's own duration apart) at
 * 100 ms ticks with the full health check, optionally with many extra idle processes on the
 * machine, which this class spawns and always kills and reaps.
 */
final class SupervisionCost {

  static final Duration INTERVAL = Duration.ofMillis(100);
  /**
   * Ticks before the measurement starts. The health check's code path (gRPC call, netlink
   * dump, report) runs interpreted for the first few hundred ticks and costs 1.3-1.7x its
   * steady-state CPU there; a cost per 1000 ticks is a steady-state figure.
   */
  private static final int WARM_UP_TICKS = 300;

  private final BackendKind backend;
  private final int ticks;
  private final PrintStream out;

  SupervisionCost(BackendKind backend, int ticks, PrintStream out) {
    this.backend = backend;
    this.ticks = ticks;
    this.out = out;
  }

  /** Measures with {@code extraProcesses} idle processes alive meanwhile (0: none). */
  void measure(int extraProcesses) throws Exception {
    List<Process> extra = new CopyOnWriteArrayList<>();
    ShutdownRegistry.Entry reaper = ShutdownRegistry.register(ShutdownRegistry.Phase.STOP_CLIENTS,
        "reap the extra measurement processes", () -> killAndReap(extra));
    try {
      List<String> sleep = Files.isExecutable(Path.of("/usr/bin/setpriv"))
          // dies with this JVM even if it is killed before the finally below runs
          ? List.of("/usr/bin/setpriv", "--pdeathsig", "KILL", "sleep", "600")
          : List.of("sleep", "600");
      for (int i = 0; i < extraProcesses; i++) {
        extra.add(new ProcessBuilder(sleep).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
      }
      measureTicks(extraProcesses);
    } finally {
      killAndReap(extra);
      reaper.close();
    }
  }

  private void measureTicks(int extraProcesses) throws Exception {
    SupervisorPolicy policy = SupervisorPolicy.recommended().toBuilder()
        .checkInterval(INTERVAL).build();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (TemporalManager m = TemporalManager.builder().backend(backend).build()) {
      m.start();
      m.startSupervisor(policy);
      String name = "supervised-temporal-supervisor-" + m.backend().name() + "-" + m.port();
      awaitTicks(m, WARM_UP_TICKS);
      Thread thread = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalStateException("no supervisor thread named " + name));
      int from = m.events().size();
      long cpuBefore = mx.getThreadCpuTime(thread.getId());
      long ticksBefore = m.events().count(SupervisorEventType.TICK);
      awaitTicks(m, ticksBefore + ticks);
      long cpu = mx.getThreadCpuTime(thread.getId()) - cpuBefore;
      List<SupervisorEvent> measured = m.events().snapshot().subList(from, m.events().size())
          .stream().filter(e -> e.type() == SupervisorEventType.TICK).toList();
      List<Double> jitter = new ArrayList<>();
      List<Double> checks = new ArrayList<>();
      long unhealthy = measured.stream().filter(e -> !e.healthy()).count();
      for (int i = 1; i < measured.size(); i++) {
        // spacing of the ticks' starts: the schedule's regularity; how long each check took
        // (the probe's round trip, a server's GC pause) is reported apart
        double spacing = (began(measured.get(i)) - began(measured.get(i - 1))) / 1e6;
        jitter.add(Math.abs(spacing - INTERVAL.toMillis()));
      }
      measured.forEach(e -> checks.add(e.duration().toNanos() / 1e6));
      int n = measured.size();
      out.printf("supervision, %s, %d ms ticks, %d extra processes (n=%d ticks after %d warm-up"
          + " ticks%s):%n", backend.name().toLowerCase(java.util.Locale.ROOT),
          INTERVAL.toMillis(), extraProcesses, n, WARM_UP_TICKS,
          unhealthy == 0 ? "" : ", " + unhealthy + " unhealthy");
      double perTick = cpu / 1e6 / n;
      out.printf("  supervisor CPU %.1f ms per 1000 ticks (%.3f ms per tick, %.2f %% of a core)"
          + "   target <= 1 ms per tick: %s%n", perTick * 1000, perTick,
          perTick / INTERVAL.toMillis() * 100, RecoveryBenchmark.met(perTick <= 1.0));
      double p99 = RecoveryBenchmark.percentile(jitter, 99);
      out.printf("  tick jitter p50 %.2f ms, p99 %.2f ms   target p99 <= 5 ms (quiet machine): "
          + "%s%n", RecoveryBenchmark.percentile(jitter, 50), p99,
          RecoveryBenchmark.met(p99 <= 5));
      out.printf("  check duration p50 %.2f ms, p99 %.2f ms%n",
          RecoveryBenchmark.percentile(checks, 50), RecoveryBenchmark.percentile(checks, 99));
    }
  }

  /** When the tick's check began. */
  private static long began(SupervisorEvent tick) {
    return tick.nanoTime() - tick.duration().toNanos();
  }

  private static void awaitTicks(TemporalManager m, long count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (m.events().count(SupervisorEventType.TICK) < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private static void killAndReap(List<Process> processes) {
    for (Process p : processes) {
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          System.err.println("extra process " + p.pid() + " did not exit after SIGKILL");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    processes.removeIf(p -> !p.isAlive());
  }
}
