package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.chaos.ChaosEvent;
import dev.supervisedtemporal.chaos.workload.WorkloadEvent;
import dev.supervisedtemporal.chaos.workload.WorkloadVerdict;
import dev.supervisedtemporal.lifecycle.StartResult;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one test class's timing events to {@code <build-dir>/supervised-temporal/events/<class>.jsonl}:
 * RUN_META, SERVER_READY, the supervisor's events, workload runs, LEAKs, and SCENARIO_RESULT last.
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
    RunContext run = session.run();
    Path file = run.eventsDir()
        .resolve(TimingEventWriter.fileNameFor(run.fileUnit(session.scenario())));
    try (TimingEventWriter w = TimingEventWriter.open(file, session.scenario(),
        session.manager().backend().name(), session.settings().policy().name())) {
      w.runMeta(session.createdNanos(), session.settings().policy(), run.policyScale(),
          run.chaosSeed());
      StartResult start = session.firstStart();
      if (start != null && !start.reused()) {
        w.serverReady(session.readyNanos(), start.pid(), start.spawnToReady(),
            session.fastStart());
      }
      List<SupervisorEvent> supervisor = session.manager().events().snapshot();
      List<ChaosEvent> chaos = session.chaosEvents();
      int c = 0;
      for (SupervisorEvent event : supervisor) {
        while (c < chaos.size() && chaos.get(c).nanoTime() <= event.nanoTime()) {
          write(w, chaos.get(c++));
        }
        w.write(event);
      }
      while (c < chaos.size()) {
        write(w, chaos.get(c++));
      }
      for (WorkloadVerdict workload : session.workloads()) {
        for (WorkloadEvent e : workload.timingEvents()) {
          w.write(e.type(), e.nanoTime(), e.at(), e.fields());
        }
      }
      Resources cost = session.resources();
      if (cost != null) {
        w.write("RESOURCES", System.nanoTime(), Map.of("rssBytes", cost.rssBytes(),
            "supervisorThreads", cost.supervisorThreads(),
            "supervisorCpuNs", cost.supervisorCpuNs(), "ticks", cost.ticks()));
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

  private static void write(TimingEventWriter w, ChaosEvent e) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("faultId", e.faultId());
    fields.put("fault", e.fault().name());
    fields.put("pid", e.pid());
    if (e.helperPid() > 0) {
      fields.put("helperPid", e.helperPid());
    }
    if (e.detail() != null && !e.detail().isEmpty()) {
      fields.put("detail", e.detail());
    }
    w.write(e.type().name(), e.nanoTime(), e.at(), fields);
  }
}
