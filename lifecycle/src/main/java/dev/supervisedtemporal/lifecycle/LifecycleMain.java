package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ResidentMemory;
import dev.supervisedtemporal.lifecycle.process.Signal;
import dev.supervisedtemporal.lifecycle.settings.DurationText;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Command-line entry of the lifecycle module: watch a supervised server, or measure start and
 * recovery times.
 *
 * <p>{@code watch} starts a supervised server, prints every supervisor event, kills the server
 * once itself and then keeps running for {@code --duration}, so that {@code kill -9 <pid>} from
 * another shell can be watched too. {@code measure} prints medians of spawn → ready (with and
 * without the fast-start flags); then, for the basic policy (unscaled), the recommended policy and
 * the recommended policy without client reconnects, p50/p95 of kill → detected, → a fresh probe
 * answers (server-side recovery), → stubs kept across the kill answer, → a worker started before
 * the kill completes a new workflow, and (CLI backend, persistent) → a workflow in flight at the
 * kill completes, for isolated kills and for bursts, beside their targets; and last
 * the supervisor's CPU per 1000 ticks and its tick jitter, idle and with extra processes.
 */
final class LifecycleMain {

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
    int standbyCount = 5;
    int bursts = 2;
    int burstSize = 5;
    int ticks = 300;
    int extraProcesses = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      try {
        switch (a) {
          case "watch", "measure", "endurance" -> command = a;
          case "--interval" -> interval = DurationText.parse(a, value(args, i++, DURATION));
          case "--backend" -> backend = backend(value(args, i++, BACKENDS));
          case "--duration" -> duration = DurationText.parse(a, value(args, i++, DURATION));
          case "--rounds" -> rounds = number(a, value(args, i++, COUNT));
          case "--standby" -> standby = true;
          case "--standby-count" -> standbyCount = number(a, value(args, i++, COUNT));
          case "--bursts" -> bursts = number(a, value(args, i++, COUNT));
          case "--burst-size" -> burstSize = number(a, value(args, i++, COUNT));
          case "--ticks" -> ticks = number(a, value(args, i++, COUNT));
          case "--extra-processes" -> extraProcesses = number(a, value(args, i++, COUNT));
          case "--help", "-h" -> {
            out.println(usage());
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument '" + a + "'; accepted: "
              + "watch, measure, endurance, --help, or an option of the usage below");
        }
      } catch (RuntimeException e) {
        err.println("error: " + e.getMessage() + "\n" + usage());
        return 2;
      }
    }
    String bad = rounds < 1 ? "--rounds = " + rounds + "; accepted: >= 1"
        : bursts < 0 ? "--bursts = " + bursts + "; accepted: >= 0"
        : burstSize < 1 ? "--burst-size = " + burstSize + "; accepted: >= 1"
        : ticks < 10 ? "--ticks = " + ticks + "; accepted: >= 10"
        : standbyCount < 1 || standbyCount > Standby.MAX_COUNT
            ? "--standby-count = " + standbyCount + "; accepted: 1-" + Standby.MAX_COUNT
        : extraProcesses < 0 || extraProcesses > 5000
            ? "--extra-processes = " + extraProcesses + "; accepted: 0-5000" : null;
    if (bad != null) {
      err.println("error: " + bad + "\n" + usage());
      return 2;
    }
    if (standby && command.equals("measure")) {
      return StandbyMeasure.run(backend, rounds, standbyCount, out);
    }
    if (command.equals("endurance")) {
      return EnduranceRun.run(backend, duration, interval, out);
    }
    return command.equals("watch") ? watch(backend, duration, out) : measure(backend, rounds, bursts, burstSize, ticks,
        extraProcesses, out);
  }

  private static final String BACKENDS = "embedded, cli, auto";
  private static final String DURATION = DurationText.ACCEPTED;
  private static final String COUNT = "a whole number";

  /**
   * The value after the option at {@code args[at]}.
   *
   * @throws IllegalArgumentException naming the option and what it accepts when none follows
   */
  private static String value(String[] args, int at, String accepted) {
    if (at + 1 >= args.length || args[at + 1].startsWith("--")) {
      throw new IllegalArgumentException(args[at] + " needs a value; accepted: " + accepted);
    }
    return args[at + 1];
  }

  private static BackendKind backend(String value) {
    BackendKind kind = BackendKind.parse("--backend", value);
    if (kind == BackendKind.EXTERNAL) {
      throw new IllegalArgumentException("--backend = '" + value + "': this command starts its "
          + "own servers; accepted: " + BACKENDS);
    }
    return kind;
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " = '" + value + "' is not a number; accepted: "
          + COUNT);
    }
  }

  private static String usage() {
    return String.join("\n",
        "usage: LifecycleMain [watch|measure|endurance] [--backend embedded|cli|auto]"
            + " [--duration 30s] [--rounds 5] [--bursts 2] [--burst-size 5] [--ticks 300]"
            + " [--extra-processes 0] [--interval 100ms] [--standby] [--standby-count 5]",
        "  watch    start a supervised server, kill it once, print the recovery, then keep it",
        "           up for --duration so that 'kill -9 <pid>' from another shell can be watched",
        "  measure  print medians of spawn->ready (fast start on/off); p50/p95 of kill ->",
        "           detected, -> fresh probe, -> kept stubs, -> worker completes a new workflow",
        "           (-> in-flight workflow on cli) for --rounds isolated kills and --bursts",
        "           bursts of --burst-size kills, under the basic policy, the recommended policy",
        "           and the recommended policy without client reconnects; then supervisor CPU",
        "           and tick jitter over --ticks 100 ms ticks, idle and, when --extra-processes",
        "           is > 0, with that many extra idle processes (spawned, then killed and reaped);",
        "           with --standby: kill -9 / SIGSTOP -> the user's client served, standby off vs",
        "           one standby vs a pool of --standby-count (1-8) standbys",
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
      long rpcAt = awaitRpc(manager, Duration.ofSeconds(60));
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

  private static int measure(BackendKind backend, int rounds, int bursts, int burstSize,
      int ticks, int extraProcesses, PrintStream out) throws Exception {
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
    // The restart-intensity limit is raised so that the bursts measure recovery, not GAVE_UP.
    SupervisorPolicy recommended = SupervisorPolicy.recommended().toBuilder()
        .restartIntensity(10_000, Duration.ofMinutes(1)).build();
    RecoveryBenchmark bench = new RecoveryBenchmark(backend, rounds, bursts, burstSize, out);
    RecoveryBenchmark.Result basic =
        bench.run("basic (unscaled)", SupervisorPolicy.basic(), false);
    RecoveryBenchmark.Result withReset = bench.run("recommended", recommended, true);
    RecoveryBenchmark.Result noReset =
        bench.run("recommended without client reconnect", recommended, false);
    for (String mode : withReset.byMode().keySet()) {
      double detection = ratio(withReset, basic, mode, "detected");
      double client = ratio(withReset, basic, mode, "client");
      out.printf("recommended / basic, %s, p50: detected %.4f (target <= 0.01: %s), client "
          + "%.3f (target <= 0.2: %s), worker %.3f%n", mode, detection,
          RecoveryBenchmark.met(detection <= 0.01), client, RecoveryBenchmark.met(client <= 0.2),
          ratio(withReset, basic, mode, "worker"));
      out.printf("client reconnect on / off, %s: client p50 %.2f p95 %.2f, worker p50 %.2f "
          + "p95 %.2f%n", mode, ratio(withReset, noReset, mode, "client"),
          ratio(withReset, noReset, mode, "client", 95), ratio(withReset, noReset, mode, "worker"),
          ratio(withReset, noReset, mode, "worker", 95));
    }
    SupervisionCost cost = new SupervisionCost(backend, ticks, out);
    cost.measure(0);
    if (extraProcesses > 0) {
      cost.measure(extraProcesses);
    }
    return 0;
  }

  private static long awaitRpc(TemporalManager m, Duration timeout) {
    Await.until("a successful GetSystemInfo").atMost(timeout).pollInterval(Duration.ofMillis(5))
        .until(() -> m.answersRpc(Duration.ofMillis(200)));
    return System.nanoTime();
  }

  private static double ratio(RecoveryBenchmark.Result a, RecoveryBenchmark.Result b,
      String mode, String figure) {
    return ratio(a, b, mode, figure, 50);
  }

  private static double ratio(RecoveryBenchmark.Result a, RecoveryBenchmark.Result b,
      String mode, String figure, double p) {
    return RecoveryBenchmark.percentile(a.figure(mode, figure), p)
        / RecoveryBenchmark.percentile(b.figure(mode, figure), p);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
