package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** A class that leaves a per-server thread behind fails after its tests, naming the thread. */
class LeakCheckIT {

  static final CountDownLatch RELEASE = new CountDownLatch(1);
  static final AtomicInteger PORT = new AtomicInteger();

  @AfterAll
  static void releaseTheLeakedThread() {
    RELEASE.countDown();
  }

  @Test
  void aLeakedThreadFailsTheClassAndIsNamed() throws Exception {
    EngineExecutionResults results = FixtureRunner.run(Map.of(), Leaky.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    String leaked = "supervised-temporal-supervisor-leaked-" + PORT.get();
    Throwable failure = results.containerEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .findFirst().orElseThrow(() -> new AssertionError("the leaky class did not fail"));
    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("the supervised Temporal server of " + Leaky.class.getName()
            + " left behind:\n  - thread '" + leaked + "'")
        .hasMessageNotContaining("server process").hasMessageNotContaining("lock")
        .hasMessageNotContaining("port " + PORT.get() + " on");
    Path events = TimingEventWriter.defaultEventsDir()
        .resolve(TimingEventWriter.fileNameFor(Leaky.class.getName()));
    List<String> lines = Files.readAllLines(events);
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"LEAK\"", leaked));
    assertThat(lines.get(lines.size() - 1)).contains("\"outcome\":\"FAILED\"");
  }

  // ------------------------------------------------------------ fixture: run only via the kit

  @WithSupervisedTemporal(backend = Backend.EMBEDDED)
  static class Leaky {
    @Test
    void leaksAThread(SupervisedTemporal temporal) {
      PORT.set(temporal.port());
      Thread t = new Thread(() -> {
        try {
          RELEASE.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "supervised-temporal-supervisor-leaked-" + temporal.port());
      t.setDaemon(true);
      t.start();
    }
  }
}
