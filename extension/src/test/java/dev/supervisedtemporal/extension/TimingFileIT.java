package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The class's timing-event file is written as events happen, not from the (bounded) in-memory
 * log at the end: ticks are in the file while the test still runs.
 */
@WithSupervisedTemporal(checkInterval = "100ms")
class TimingFileIT {

  @Test
  void ticksReachTheFileAsTheyHappen(SupervisedTemporal temporal) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (temporal.events().count(SupervisorEventType.TICK) < 5
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    long ticks = temporal.events().count(SupervisorEventType.TICK);
    Path file = TimingEventWriter.defaultEventsDir()
        .resolve(TimingEventWriter.fileNameFor(TimingFileIT.class.getName()));

    List<String> lines = Files.readAllLines(file);

    assertThat(lines.get(0)).contains("\"type\":\"RUN_META\"");
    assertThat(lines).anyMatch(l -> l.contains("\"type\":\"SERVER_READY\""));
    assertThat(lines.stream().filter(l -> l.contains("\"type\":\"TICK\"")).count())
        .as("TICK lines in the file while the class runs")
        .isGreaterThanOrEqualTo(Math.min(ticks, 5));
    assertThat(lines).noneMatch(l -> l.contains("\"type\":\"SCENARIO_RESULT\""));
  }
}
