package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Two annotated classes run concurrently: each gets its own server, port and state dir. */
class ParallelClassesIT {

  static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();
  static final Map<String, Path> STATE_DIRS = new ConcurrentHashMap<>();
  static final Map<String, Boolean> OVERLAPPED = new ConcurrentHashMap<>();
  static final CountDownLatch BOTH_RUNNING = new CountDownLatch(2);

  @Test
  void twoClassesInParallelGetDifferentPortsAndBothPass() {
    EngineExecutionResults results = FixtureRunner.run(Map.of(
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"),
        First.class, Second.class);

    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
    assertThat(OVERLAPPED).containsOnlyKeys("First", "Second").doesNotContainValue(false);
    assertThat(PORTS.get("First")).isNotEqualTo(PORTS.get("Second"));
    assertThat(STATE_DIRS.get("First")).isNotEqualTo(STATE_DIRS.get("Second"));
  }

  static void record(String name, SupervisedTemporal temporal) throws InterruptedException {
    temporal.awaitHealthy(java.time.Duration.ofSeconds(30));
    PORTS.put(name, temporal.port());
    STATE_DIRS.put(name, temporal.manager().stateDir());
    BOTH_RUNNING.countDown();
    OVERLAPPED.put(name, BOTH_RUNNING.await(60, TimeUnit.SECONDS));
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
}
