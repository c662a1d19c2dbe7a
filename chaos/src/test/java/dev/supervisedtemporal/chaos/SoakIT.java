package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seeded random fault run against the embedded server: zero unrecovered faults, zero healthy
 * reports while broken, zero orphans, and no growth in threads or open file descriptors.
 *
 * <p>CI runs a short one; {@code -Dsoak.faults=1000} runs the long one (about 15 minutes here):
 * {@code ./mvnw -B -pl chaos -am verify -Dit.test=SoakIT -Dsoak.faults=1000 -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SoakIT {

  private static final int FAULTS = Integer.getInteger("soak.faults", 30);
  private static final long SEED = Long.getLong("soak.seed", 7L);
  private static final int WARM_UP = 5;

  @Test
  void aLongSeededFaultRunLeavesNothingBehind() throws Exception {
    SupervisorPolicy policy = SupervisorPolicy.recommended().toBuilder()
        .checkInterval(Duration.ofMillis(200)).probeTimeout(Duration.ofMillis(300))
        .restartIntensity(1_000_000, Duration.ofMinutes(1)).randomSeed(SEED).build();
    ChaosSchedule schedule = ChaosSchedule.seeded(SEED)
        .every(Duration.ofMillis(200)).jitter(Duration.ofMillis(100))
        .fault(FaultKind.KILL, 3).fault(FaultKind.TERMINATE, 1).fault(FaultKind.SUSPEND, 1)
        .hold(Duration.ofMillis(1200)).recoveryTimeout(Duration.ofSeconds(60));
    long threadsBefore;
    long fdsBefore;
    ChaosRun run;
    long began = System.nanoTime();
    // the manager keeps only recent ticks in memory; this test wants every one of them
    List<SupervisorEvent> record = new CopyOnWriteArrayList<>();
    try (TemporalManager manager = Servers.embedded(); Chaos chaos = Chaos.on(manager)) {
      manager.events().subscribe(record::add);
      manager.start();
      manager.startSupervisor(policy);
      Servers.awaitRpc(manager);
      // warm up: the first faults create the pools (gRPC, process reaper) that then stay
      schedule.maxFaults(WARM_UP).run(chaos, Duration.ofMinutes(5));
      threadsBefore = liveThreads();
      fdsBefore = openFds();
      run = schedule.maxFaults(FAULTS).run(chaos, Duration.ofHours(3));
      long threadsAfter = liveThreads();
      long fdsAfter = openFds();
      List<FaultOutcome> unrecovered = run.faults().stream().filter(f -> !f.recovered())
          .toList();
      int healthyWhileBroken = healthyWhileBroken(record, chaos, policy);
      Servers.awaitRpc(manager); // the last fault's replacement may still be finishing its start
      List<ProcessHandle> children = ProcessHandle.current().children()
          .filter(ProcessHandle::isAlive).toList();
      double median = run.faults().stream().mapToDouble(f -> f.recoveryTime().toNanos() / 1e6)
          .sorted().skip(run.faults().size() / 2).findFirst().orElse(0);
      System.out.printf("[soak] %d faults (seed %d) in %.0f s: %d unrecovered, %d healthy "
              + "while broken, %d children (the live server), threads %d -> %d, fds %d -> %d, "
              + "median recovery %.0f ms%n", run.faults().size(), SEED,
          (System.nanoTime() - began) / 1e9, unrecovered.size(), healthyWhileBroken,
          children.size(), threadsBefore, threadsAfter, fdsBefore, fdsAfter, median);

      assertThat(run.faults()).hasSize(FAULTS);
      assertThat(unrecovered).as("unrecovered faults").isEmpty();
      assertThat(healthyWhileBroken).as("ticks that said healthy while broken").isZero();
      assertThat(children).as("child processes: only the live server")
          .singleElement().satisfies(c -> assertThat(c.pid()).isEqualTo(manager.pid()));
      assertThat(threadsAfter).as("threads after %d faults", FAULTS)
          .isLessThanOrEqualTo(threadsBefore + 8);
      assertThat(fdsAfter).as("open file descriptors after %d faults", FAULTS)
          .isLessThanOrEqualTo(fdsBefore + 16);
    }
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive))
        .as("child processes after close").isEmpty();
  }

  /**
   * Ticks that reported healthy while a fault was in effect: after the fault plus one probe
   * deadline (a check already under way may finish healthy), until the next restart or, for a
   * suspension, until it was healed.
   */
  private static int healthyWhileBroken(List<SupervisorEvent> events, Chaos chaos,
      SupervisorPolicy policy) {
    int count = 0;
    for (ChaosEvent injected : chaos.events().ofType(ChaosEventType.FAULT_INJECTED)) {
      long from = injected.nanoTime() + policy.probeTimeout().toNanos() + 50_000_000L;
      long restarted = events.stream().filter(e -> e.type() == SupervisorEventType.RESTARTED
              && e.nanoTime() > injected.nanoTime()).mapToLong(SupervisorEvent::nanoTime)
          .findFirst().orElse(Long.MAX_VALUE);
      // a lasting fault (suspend) ends when it is healed, if that comes before the restart
      long healed = !injected.fault().lasting() ? Long.MAX_VALUE
          : chaos.events().ofFault(injected.faultId()).stream()
              .filter(e -> e.type() == ChaosEventType.FAULT_HEALED)
              .mapToLong(ChaosEvent::nanoTime).findFirst().orElse(Long.MAX_VALUE);
      long until = Math.min(restarted, healed);
      count += (int) events.stream().filter(e -> e.type() == SupervisorEventType.TICK
          && e.healthy() && e.nanoTime() > from && e.nanoTime() < until).count();
    }
    return count;
  }

  private static long liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
  }

  private static long openFds() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}
