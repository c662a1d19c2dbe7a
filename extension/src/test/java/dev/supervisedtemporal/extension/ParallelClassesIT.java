package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.chaos.Fault;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Four annotated classes run concurrently, each killing its own server once: each gets its own
 * server, port and state dir, and all pass with nothing left behind.
 */
class ParallelClassesIT {

  static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();
  static final Map<String, Path> STATE_DIRS = new ConcurrentHashMap<>();
  static final Map<String, Boolean> OVERLAPPED = new ConcurrentHashMap<>();
  static final int CLASSES = 4;
  static final CountDownLatch ALL_RUNNING = new CountDownLatch(CLASSES);

  @Test
  void fourClassesInParallelGetDifferentPortsAndAllPass() {
    EngineExecutionResults results = FixtureRunner.run(Map.of(
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(CLASSES)),
        First.class, Second.class, Third.class, Fourth.class);

    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    results.testEvents().assertStatistics(stats -> stats.succeeded(CLASSES).failed(0));
    assertThat(OVERLAPPED).containsOnlyKeys("First", "Second", "Third", "Fourth")
        .doesNotContainValue(false);
    assertThat(PORTS.values()).doesNotHaveDuplicates().hasSize(CLASSES);
    assertThat(STATE_DIRS.values()).doesNotHaveDuplicates().hasSize(CLASSES);
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive))
        .as("servers after the parallel classes").isEmpty();
  }

  static void record(String name, SupervisedTemporal temporal) throws InterruptedException {
    temporal.awaitHealthy(Duration.ofSeconds(60));
    PORTS.put(name, temporal.port());
    STATE_DIRS.put(name, temporal.manager().stateDir());
    ALL_RUNNING.countDown();
    OVERLAPPED.put(name, ALL_RUNNING.await(120, TimeUnit.SECONDS));
    long before = temporal.pid();
    Fault kill = temporal.chaos().kill();
    temporal.chaos().awaitRecovery(kill, Duration.ofSeconds(60));
    temporal.awaitHealthy(Duration.ofSeconds(60));
    if (temporal.pid() == before) {
      throw new AssertionError(name + " kept pid " + before + " after its kill");
    }
  }

  // ------------------------------------------------------------ fixtures: run only via the kit

  @WithSupervisedTemporal(backend = Backend.EMBEDDED)
  static class First {
    @Test
    void runs(SupervisedTemporal temporal) throws Exception {
      record("First", temporal);
    }
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED)
  static class Second {
    @Test
    void runs(SupervisedTemporal temporal) throws Exception {
      record("Second", temporal);
    }
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED)
  static class Third {
    @Test
    void runs(SupervisedTemporal temporal) throws Exception {
      record("Third", temporal);
    }
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED)
  static class Fourth {
    @Test
    void runs(SupervisedTemporal temporal) throws Exception {
      record("Fourth", temporal);
    }
  }
}
