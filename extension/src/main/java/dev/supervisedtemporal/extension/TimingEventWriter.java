package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.chaos.ChaosEvent;
import dev.supervisedtemporal.events.TimingEvent;
import dev.supervisedtemporal.events.TimingEventType;
import dev.supervisedtemporal.events.TimingFields;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one run unit's timing events as JSON lines, in the format of {@code docs/timing-events.md}
 * ({@link TimingEvent#line}: the types and fields of {@link TimingEventType}).
 *
 * <p>Every line carries the common fields ({@code v}, {@code t}, {@code wall}, {@code type},
 * {@code scenario}, {@code backend}, {@code policy}) followed by the event's own fields. The
 * conventional order is {@code RUN_META} first and {@code SCENARIO_RESULT} last; the writer does
 * not enforce it, so that callers can add any event type. Each line is flushed as it is written,
 * so a file is readable up to the last event even when the JVM dies. Thread-safe.
 */
final class TimingEventWriter implements AutoCloseable {

  /** The schema version written in every line's {@code v} field. */
  public static final int SCHEMA_VERSION = TimingEvent.SCHEMA_VERSION;

  /** The system property naming the build directory; the failsafe configuration sets it. */
  public static final String BUILD_DIR_PROPERTY = "supervised.temporal.build-dir";

  /** What a {@code SCENARIO_RESULT} event says about the run unit. */
  public enum Outcome {
    /** Everything passed. */
    PASSED,
    /** Something failed. */
    FAILED,
    /** Nothing ran. */
    SKIPPED
  }

  private final Path file;
  private final String scenario;
  private final String backend;
  private final String policy;
  private final BufferedWriter out;
  private final long anchorNanos = System.nanoTime();
  private final Instant anchorWall = Instant.now();
  private boolean closed;

  private TimingEventWriter(Path file, String scenario, String backend, String policy)
      throws IOException {
    this.file = file;
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.policy = Objects.requireNonNull(policy, "policy");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  /**
   * Creates (or truncates) the file and returns a writer for it.
   *
   * @param file the {@code .jsonl} file
   * @param scenario the scenario or test-class name
   * @param backend {@code embedded}, {@code cli} or {@code external}
   * @param policy {@code basic}, {@code recommended} or {@code custom}
   */
  public static TimingEventWriter open(Path file, String scenario, String backend, String policy)
      throws IOException {
    return new TimingEventWriter(file, scenario, backend, policy);
  }

  /**
   * The folder the JUnit extension writes to: {@code <build-dir>/supervised-temporal/events},
   * where the build dir is the system property {@value #BUILD_DIR_PROPERTY}, else {@code target}
   * in the working directory.
   */
  public static Path defaultEventsDir() {
    String buildDir = System.getProperty(BUILD_DIR_PROPERTY);
    Path base = buildDir == null || buildDir.isBlank() ? Path.of("target") : Path.of(buildDir);
    return base.resolve("supervised-temporal").resolve("events");
  }

  /** A file name for a run unit: the name with characters unsafe in file names replaced. */
  public static String fileNameFor(String runUnit) {
    return runUnit.replaceAll("[^A-Za-z0-9._$-]", "_") + ".jsonl";
  }

  /** The file this writer writes. */
  public Path file() {
    return file;
  }

  /**
   * Writes one event of any type.
   *
   * @param type the event type, e.g. {@code FAULT_INJECTED}
   * @param nanoTime when it happened, on the {@link System#nanoTime()} scale
   * @param fields the event's own fields, written in the map's order; values may be strings,
   *     numbers, booleans, null, maps, collections, enums (their name) or anything else (its
   *     {@code toString()})
   * @throws IllegalArgumentException when a field repeats one of the common fields
   * @throws UncheckedIOException when the line cannot be written
   */
  public void write(String type, long nanoTime, Map<String, ?> fields) {
    write(type, nanoTime, anchorWall.plusNanos(nanoTime - anchorNanos), fields);
  }

  /** Writes one event of any type with an explicit wall-clock time; see {@link #write(String, long, Map)}. */
  public synchronized void write(String type, long nanoTime, Instant wall, Map<String, ?> fields) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(fields, "fields");
    String line = TimingEvent.line(nanoTime, wall, type, scenario, backend, policy, fields);
    if (closed) {
      throw new IllegalStateException("this TimingEventWriter for " + file + " is closed");
    }
    try {
      out.write(line);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + file, e);
    }
  }

  /**
   * Writes a supervisor event as the matching timing event: {@code TICK} with {@code healthy},
   * {@code UNHEALTHY}/{@code RESTART_FAILED}/{@code GAVE_UP} with {@code reason},
   * {@code RESTART_ATTEMPT} with {@code attempt}, {@code RESTARTED} with {@code pid} and
   * {@code spawnToReadyMs}, {@code BACKOFF} with {@code delayMs}, {@code PORT_HELD} with
   * {@code pid}, {@code reason} and {@code delayMs}; {@code HEALTHY}, {@code STOPPED}
   * and {@code STARTED} with no fields of their own.
   */
  public void write(SupervisorEvent event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    switch (event.type()) {
      case TICK -> fields.put(TimingFields.HEALTHY, event.healthy());
      case UNHEALTHY, RESTART_FAILED, GAVE_UP -> fields.put(TimingFields.REASON, event.detail());
      case RESTART_ATTEMPT -> fields.put(TimingFields.ATTEMPT, event.attempt());
      case RESTARTED -> {
        fields.put(TimingFields.PID, event.pid());
        fields.put(TimingFields.SPAWN_TO_READY_MS, millis(event.duration()));
      }
      case BACKOFF -> fields.put(TimingFields.DELAY_MS, millis(event.duration()));
      case PORT_HELD -> {
        fields.put(TimingFields.PID, event.pid());
        fields.put(TimingFields.REASON, event.detail());
        fields.put(TimingFields.DELAY_MS, millis(event.duration()));
      }
      default -> {
        // HEALTHY, STOPPED, STARTED: the type says it all.
      }
    }
    // Each supervisor event type is the timing event type of the same name (tested).
    write(event.type().name(), event.nanoTime(), event.at(), fields);
  }

  /**
   * Writes a chaos event as the timing event of the same type: {@code faultId}, {@code fault},
   * {@code pid}, then {@code helperPid} when there is a helper and {@code detail} when not empty.
   */
  void write(ChaosEvent e) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(TimingFields.FAULT_ID, e.faultId());
    fields.put(TimingFields.FAULT, e.fault().name());
    fields.put(TimingFields.PID, e.pid());
    if (e.helperPid() > 0) {
      fields.put(TimingFields.HELPER_PID, e.helperPid());
    }
    if (e.detail() != null && !e.detail().isEmpty()) {
      fields.put(TimingFields.DETAIL, e.detail());
    }
    // Each chaos event type is the timing event type of the same name (tested).
    write(e.type().name(), e.nanoTime(), e.at(), fields);
  }

  /**
   * Writes the {@code RUN_META} line for a policy.
   *
   * @param policyScale the scale factor applied to the basic policy, 1 when none
   * @param chaosRandomSeed the chaos seed, or null
   */
  public void runMeta(long nanoTime, SupervisorPolicy policy, double policyScale, Long chaosRandomSeed) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(TimingFields.CHECK_INTERVAL_MS, millis(policy.checkInterval()));
    fields.put(TimingFields.PROBE_TIMEOUT_MS, millis(policy.probeTimeout()));
    fields.put(TimingFields.BACKOFF_MS, millis(policy.initialBackoff()));
    fields.put(TimingFields.POLICY_SCALE, policyScale);
    fields.put(TimingFields.JDK, System.getProperty("java.version"));
    fields.put(TimingFields.HOST, HostName.get());
    fields.put(TimingFields.SEED, chaosRandomSeed);
    write(TimingEventType.RUN_META.name(), nanoTime, fields);
  }

  /** Writes a {@code SERVER_READY} line. */
  public void serverReady(long nanoTime, long pid, Duration spawnToReady, boolean fastStart) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(TimingFields.PID, pid);
    fields.put(TimingFields.SPAWN_TO_READY_MS, millis(spawnToReady));
    fields.put(TimingFields.FAST_START, fastStart);
    write(TimingEventType.SERVER_READY.name(), nanoTime, fields);
  }

  /** Writes a {@code LEAK} line. */
  public void leak(long nanoTime, String what) {
    write(TimingEventType.LEAK.name(), nanoTime, Map.of(TimingFields.WHAT, what));
  }

  /** Writes the {@code SCENARIO_RESULT} line; the message may be null. */
  public void scenarioResult(long nanoTime, Outcome outcome, Duration duration, String message) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(TimingFields.OUTCOME, outcome.name());
    fields.put(TimingFields.DURATION_MS, duration.toMillis());
    fields.put(TimingFields.MESSAGE, message);
    write(TimingEventType.SCENARIO_RESULT.name(), nanoTime, fields);
  }

  /** Closes the file; idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1_000_000.0;
  }
}
