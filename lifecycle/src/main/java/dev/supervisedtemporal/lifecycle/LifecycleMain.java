package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ResidentMemory;
import dev.supervisedtemporal.lifecycle.process.Signal;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Command-line entry of the lifecycle module: watch a supervised server, or measure start and
 * recovery times.
 *
 * <p>{@code watch} starts a supervised server, prints every supervisor event, kills the server
 * once itself and then keeps running for {@code --duration}, so that {@code kill -9 <pid>} from
 * another shell can be watched too. {@code measure} prints medians of spawn → ready (with and
 * without the fast-start flags) and of kill → detected and kill → first successful RPC for the
 * seed policy (scaled) and the recommended policy, measured in the same run.
 */
public final class LifecycleMain {

  private LifecycleMain() {}

  /** Runs the command; exits 0 on success, 1 on failure, 2 on bad arguments. */
  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    String command = "watch";
    BackendKind backend = BackendKind.EMBEDDED;
    Duration duration = Duration.ofSeconds(30);
    int rounds = 5;
    Duration interval = Duration.ofMillis(100);
    boolean standby = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      try {
        switch (a) {
          case "watch", "measure", "endurance" -> command = a;
          case "--interval" -> interval = args[i + 1].endsWith("ms")
              ? Duration.ofMillis(Long.parseLong(args[++i].replace("ms", "")))
              : Duration.parse("PT" + args[++i].toUpperCase(Locale.ROOT));
          case "--backend" -> backend = BackendKind.parse("--backend", args[++i]);
          case "--duration" -> duration = Duration.parse("PT" + args[++i].toUpperCase(Locale.ROOT));
          case "--rounds" -> rounds = Integer.parseInt(args[++i]);
          case "--standby" -> standby = true;
          case "--help", "-h" -> {
            out.println(usage());
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
        }
      } catch (RuntimeException e) {
        err.println("error: " + e.getMessage() + "\n" + usage());
        return 2;
      }
    }
    if (rounds < 1) {
      err.println("error: --rounds = " + rounds + "; accepted: >= 1");
      return 2;
    }
    if (standby && command.equals("measure")) {
      return StandbyMeasure.run(backend, rounds, out);
    }
    if (command.equals("endurance")) {
      return EnduranceRun.run(backend, duration, interval, out);
    }
    return command.equals("watch") ? watch(backend, duration, out) : measure(backend, rounds, out);
  }

  private static String usage() {
    return String.join("\n",
        "usage: LifecycleMain [watch|measure|endurance] [--backend embedded|cli|auto]"
            + " [--duration 30s] [--rounds 5] [--interval 100ms] [--standby]",
        "  watch    start a supervised server, kill it once, print the recovery, then keep it",
        "           up for --duration so that 'kill -9 <pid>' from another shell can be watched",
        "  measure  print medians of spawn->ready (fast start on/off) and kill->detected,",
        "           kill->first RPC for the seed policy (x0.05) and the recommended policy;",
        "           with --standby: kill -9 / SIGSTOP -> the user's client served, standby off vs on",
        "  endurance  keep a supervised server up for --duration, ticking every --interval, and",
        "           print host RSS, heap and event counts once a minute (memory must stay flat)");
  }

  private static int watch(BackendKind backend, Duration duration, PrintStream out)
      throws Exception {
    try (TemporalManager manager = TemporalManager.builder().backend(backend).build()) {
      StartResult started = manager.start();
      out.printf("server %s pid %d ready on %s in %d ms (log: %s)%n", manager.backend().name(),
          started.pid(), manager.target(), started.spawnToReady().toMillis(),
          manager.logFile());
      manager.events().subscribe(e -> {
        if (e.type() != SupervisorEventType.TICK || !e.healthy()) {
          out.println("  event: " + e);
        }
      });
      manager.startSupervisor(SupervisorPolicy.recommended());
      Thread.sleep(1500);
      out.println("killing the server's process group with SIGKILL ...");
      int from = manager.events().size();
      long killedAt = System.nanoTime();
      ProcessGroups.signalGroup(manager.serverIdentity().orElseThrow(), Signal.KILL);
      long rpcAt = awaitRpc(manager, killedAt, Duration.ofSeconds(60));
      SupervisorEvent restarted = manager.events().await("RESTARTED", from,
          e -> e.type() == SupervisorEventType.RESTARTED, Duration.ofSeconds(60));
      out.printf("recovered: new pid %d, GetSystemInfo answered %.0f ms after the kill%n",
          restarted.pid(), (rpcAt - killedAt) / 1e6);
      out.printf("the server stays up for %s: try 'kill -9 %d' from another shell%n",
          duration, manager.pid());
      Thread.sleep(duration.toMillis());
      out.println("GetSystemInfo answers: " + manager.answersRpc(Duration.ofSeconds(2))
          + "; restarts: " + manager.supervisor().map(Supervisor::restartCount).orElse(0));
    }
    out.println("stopped; nothing left running");
    return 0;
  }

  private static int measure(BackendKind backend, int rounds, PrintStream out)
      throws Exception {
    out.println("backend " + backend + ", " + rounds + " rounds each, medians in ms");
    for (boolean fast : new boolean[] {false, true}) {
      List<Double> spawn = new ArrayList<>();
      List<Double> rss = new ArrayList<>();
      try (TemporalManager m = TemporalManager.builder().backend(backend).fastStart(fast)
          .build()) {
        for (int i = 0; i < rounds; i++) {
          spawn.add(m.start().spawnToReady().toNanos() / 1e6);
          Thread.sleep(1000); // idle a moment before reading the resident set
          rss.add(ResidentMemory.bytes(m.pid()).orElse(-1) / (1024.0 * 1024.0));
          m.stop();
        }
      }
      out.printf("spawn -> ready, fast start %-5s: %8.1f   %s%n", fast, median(spawn), spawn);
      out.printf("idle RSS MiB,   fast start %-5s: %8.1f   %s%n", fast, median(rss), rss);
    }
    for (SupervisorPolicy policy : List.of(SupervisorPolicy.seedDefaults().scaled(0.05),
        SupervisorPolicy.recommended())) {
      List<Double> detected = new ArrayList<>();
      List<Double> rpc = new ArrayList<>();
      try (TemporalManager m = TemporalManager.builder().backend(backend).build()) {
        m.start();
        m.startSupervisor(policy);
        for (int i = 0; i < rounds; i++) {
          // Isolated crashes: wait out the stable uptime so each restart starts from the first
          // backoff step, plus an offset that moves the kill around within the tick interval.
          Thread.sleep(Math.max(policy.checkInterval().toMillis(),
              policy.stableUptime().toMillis()) + 137L * i % policy.checkInterval().toMillis());
          int from = m.events().size();
          long killedAt = System.nanoTime();
          ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
          long rpcAt = awaitRpc(m, killedAt, Duration.ofSeconds(60));
          SupervisorEvent unhealthy = m.events().await("UNHEALTHY", from,
              e -> e.type() == SupervisorEventType.UNHEALTHY, Duration.ofSeconds(60));
          m.events().await("RESTARTED", from, e -> e.type() == SupervisorEventType.RESTARTED,
              Duration.ofSeconds(60));
          detected.add((unhealthy.nanoTime() - killedAt) / 1e6);
          rpc.add((rpcAt - killedAt) / 1e6);
        }
      }
      out.printf("%-12s interval %5d ms: kill -> detected %8.1f  kill -> first RPC %8.1f%n",
          policy.name(), policy.checkInterval().toMillis(), median(detected), median(rpc));
      out.printf("             detected %s%n             rpc      %s%n", detected, rpc);
    }
    return 0;
  }

  private static long awaitRpc(TemporalManager m, long since, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = since + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (m.answersRpc(Duration.ofMillis(200))) {
        return System.nanoTime();
      }
      Thread.sleep(5);
    }
    throw new TimeoutException("no successful GetSystemInfo within " + timeout);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
