package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.lifecycle.StartResult;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one test class's timing events to {@code <build-dir>/supervised-temporal/events/<class>.jsonl}:
 * RUN_META, SERVER_READY, the supervisor's events, LEAKs, and SCENARIO_RESULT last.
 */
final class ClassTimingEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ClassTimingEvents.class);

  private ClassTimingEvents() {}

  /**
   * Writes the file; an I/O failure is logged, never thrown, so that it cannot fail a test class.
   *
   * @param failure what failed the class, or null
   * @return the file written, or null when it could not be written
   */
  static Path write(ServerSession session, String failure, List<String> leaks) {
    Path file = TimingEventWriter.defaultEventsDir()
        .resolve(TimingEventWriter.fileNameFor(session.scenario()));
    try (TimingEventWriter w = TimingEventWriter.open(file, session.scenario(),
        session.manager().backend().name(), session.settings().policy().name())) {
      w.runMeta(session.createdNanos(), session.settings().policy(), 1.0, null);
      StartResult start = session.firstStart();
      if (start != null && !start.reused()) {
        w.serverReady(session.readyNanos(), start.pid(), start.spawnToReady(),
            session.fastStart());
      }
      for (SupervisorEvent event : session.manager().events().snapshot()) {
        w.write(event);
      }
      long now = System.nanoTime();
      for (String leak : leaks) {
        w.leak(now, leak);
      }
      TimingEventWriter.Outcome outcome = failure == null
          ? TimingEventWriter.Outcome.PASSED : TimingEventWriter.Outcome.FAILED;
      w.scenarioResult(now, outcome, Duration.ofNanos(now - session.createdNanos()), failure);
      return file;
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot write the timing events of {} to {}", session.scenario(), file, e);
      return null;
    }
  }
}
