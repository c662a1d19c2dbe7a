package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.lifecycle.HealthReport;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Attaches the server's log tail, its health and the supervisor's event timeline to the report of
 * a failed test or class: as report entries, and as published files where JUnit supports them.
 */
final class Diagnostics {

  /** Report-entry key of the server log tail. */
  static final String LOG_TAIL = "supervised-temporal.log-tail";
  /** Report-entry key of the supervisor event timeline. */
  static final String EVENTS = "supervised-temporal.events";
  /** Report-entry key of the server's health when the failure was seen. */
  static final String HEALTH = "supervised-temporal.health";
  /** File name of the published log tail. */
  static final String LOG_FILE = "supervised-temporal-server-log.txt";
  /** File name of the published event timeline. */
  static final String EVENTS_FILE = "supervised-temporal-events.txt";

  private static final int LOG_LINES = 60;
  private static final int TIMELINE_EVENTS = 120;

  private Diagnostics() {}

  /** Publishes what the session knows to the context's report. */
  static void publish(ExtensionContext context, ServerSession session) {
    String logTail = String.join("\n", session.logTail(LOG_LINES));
    String timeline = timeline(session.manager().events().snapshot());
    String health = session.isClosed() ? "(server already stopped)" : health(session);
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put(HEALTH, health);
    entry.put(EVENTS, timeline);
    entry.put(LOG_TAIL, logTail.isEmpty() ? "(the server log is empty)" : logTail);
    context.publishReportEntry(entry);
    publishFile(context, LOG_FILE, logTail);
    publishFile(context, EVENTS_FILE, timeline);
  }

  private static String health(ServerSession session) {
    try {
      HealthReport report = session.manager().health();
      return report.toString();
    } catch (RuntimeException e) {
      return "(health check failed: " + e + ")";
    }
  }

  /** The timeline without healthy ticks, which would drown everything else, and their count. */
  static String timeline(List<SupervisorEvent> events) {
    long healthyTicks = events.stream()
        .filter(e -> e.type() == SupervisorEventType.TICK && e.healthy()).count();
    List<String> lines = events.stream()
        .filter(e -> e.type() != SupervisorEventType.TICK || !e.healthy())
        .map(Object::toString).toList();
    List<String> shown = lines.subList(Math.max(0, lines.size() - TIMELINE_EVENTS), lines.size());
    StringBuilder text = new StringBuilder();
    if (shown.size() < lines.size()) {
      text.append("(").append(lines.size() - shown.size()).append(" earlier events omitted)\n");
    }
    shown.forEach(l -> text.append(l).append('\n'));
    text.append("(").append(healthyTicks).append(" healthy ticks not shown)");
    return text.toString();
  }

  private static void publishFile(ExtensionContext context, String name, String content) {
    try {
      context.publishFile(name, MediaType.TEXT_PLAIN_UTF_8,
          path -> Files.writeString(path, content, StandardCharsets.UTF_8));
    } catch (LinkageError | RuntimeException e) {
      // JUnit before 5.12 cannot publish files, or no output directory is configured: the
      // report entries above carry the same text.
    }
  }
}
