package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.chaos.Timeline;
import dev.supervisedtemporal.lifecycle.EventLog;
import dev.supervisedtemporal.chaos.workload.WorkloadEvent;
import dev.supervisedtemporal.chaos.workload.WorkloadVerdict;
import dev.supervisedtemporal.events.TimingEventType;
import dev.supervisedtemporal.events.TimingFields;
import dev.supervisedtemporal.lifecycle.StartResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one test class's timing events to {@code <build-dir>/supervised-temporal/events/<class>.jsonl}
 * as they happen: RUN_META when the class's server is created, SERVER_READY, every supervisor
 * and chaos event the moment it is published, workload runs as they end, then RESOURCES, LEAKs and SCENARIO_RESULT last.
 *
 * <p>Writing as events happen keeps the file complete while the manager's event log keeps only
 * recent ticks in memory. An I/O failure is logged once, never thrown, so that it cannot fail a
 * test class; the file then stops where the failure happened.
 */
final class ClassTimingEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ClassTimingEvents.class);

  private final TimingEventWriter writer;
  private final String scenario;
  private final List<EventLog.Registration> subscriptions = new CopyOnWriteArrayList<>();
  private volatile boolean broken;
  private volatile boolean following = true;
  private boolean finished;

  private ClassTimingEvents(TimingEventWriter writer, String scenario) {
    this.writer = writer;
    this.scenario = scenario;
  }

  /**
   * Creates the file, writes RUN_META and follows the session's merged supervisor and chaos
   * timeline.
   *
   * @return the live writer, or null when the file cannot be created (logged)
   */
  static ClassTimingEvents open(ServerSession session) {
    RunContext run = session.run();
    Path file = run.eventsDir()
        .resolve(TimingEventWriter.fileNameFor(run.fileUnit(session.scenario())));
    try {
      TimingEventWriter w = TimingEventWriter.open(file, session.scenario(),
          session.manager().backend().name(), session.settings().policy().name());
      ClassTimingEvents events = new ClassTimingEvents(w, session.scenario());
      events.guard(() -> w.runMeta(session.createdNanos(), session.settings().policy(),
          run.policyScale(), run.chaosRandomSeed()));
      events.subscriptions.add(Timeline.of(session.manager().events(), session.chaosEvents())
          .subscribe(e -> {
            if (events.following) {
              events.guard(() -> write(w, e));
            }
          }));
      return events;
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot write the timing events of {} to {}", session.scenario(), file, e);
      return null;
    }
  }

  /** Writes SERVER_READY for the first start, unless it reused a server. */
  void serverReady(StartResult start, long readyNanos, boolean fastStart) {
    if (start != null && !start.reused()) {
      guard(() -> writer.serverReady(readyNanos, start.pid(), start.spawnToReady(), fastStart));
    }
  }

  /**
   * Finishes the session's file: RESOURCES, LEAKs and SCENARIO_RESULT, then closes it.
   *
   * @param failure what failed the class, or null
   * @return the file written, or null when it could not be written
   */
  static Path write(ServerSession session, String failure, List<String> leaks) {
    ClassTimingEvents live = session.timing();
    return live == null ? null : live.finish(session, failure, leaks);
  }

  private synchronized Path finish(ServerSession session, String failure, List<String> leaks) {
    if (finished) {
      return writer.file();
    }
    finished = true;
    following = false;
    subscriptions.forEach(EventLog.Registration::close);
    try (TimingEventWriter w = writer) {
      Resources cost = session.resources();
      if (cost != null) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(TimingFields.RSS_BYTES, cost.rssBytes());
        fields.put(TimingFields.SUPERVISOR_THREADS, cost.supervisorThreads());
        fields.put(TimingFields.SUPERVISOR_CPU_NS, cost.supervisorCpuNs());
        fields.put(TimingFields.TICKS, cost.ticks());
        guard(() -> w.write(TimingEventType.RESOURCES.name(), System.nanoTime(), fields));
      }
      long now = System.nanoTime();
      for (String leak : leaks) {
        guard(() -> w.leak(now, leak));
      }
      TimingEventWriter.Outcome outcome = failure == null
          ? TimingEventWriter.Outcome.PASSED : TimingEventWriter.Outcome.FAILED;
      guard(() -> w.scenarioResult(now, outcome,
          Duration.ofNanos(now - session.createdNanos()), failure));
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot close the timing events of {}", scenario, e);
    }
    return broken ? null : writer.file();
  }

  /** Writes a workload run's units, checks and verdict once the run has ended. */
  void workload(WorkloadVerdict verdict) {
    if (!following) {
      return;
    }
    for (WorkloadEvent e : verdict.timingEvents()) {
      guard(() -> writer.write(e.type(), e.nanoTime(), e.at(), e.fields()));
    }
  }

  /** Runs one write; the first failure is logged and ends writing, never thrown. */
  private void guard(Runnable write) {
    if (broken) {
      return;
    }
    try {
      write.run();
    } catch (UncheckedIOException | IllegalStateException e) {
      broken = true;
      LOG.warn("cannot write the timing events of {} to {}; the file ends here", scenario,
          writer.file(), e);
    }
  }

  private static void write(TimingEventWriter w, Timeline.Entry entry) {
    if (entry instanceof Timeline.SupervisorEntry s) {
      w.write(s.event());
    } else if (entry instanceof Timeline.ChaosEntry c) {
      w.write(c.event());
    }
  }

}
