package dev.supervisedtemporal.lifecycle.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Identifies one process beyond its number: pid, start time and command line together.
 *
 * <p>A pid names a slot that the kernel reuses; a process that has the same pid, the same start
 * instant and the same command line is the same process. Every signal this library sends is
 * preceded by {@link #isStillAlive()}.
 *
 * @param pid the process id, always greater than 1
 * @param startInstant when the kernel started the process
 * @param commandLine the executable followed by its arguments
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ProcessIdentity(long pid, Instant startInstant, List<String> commandLine) {

  /** Validates and defensively copies the fields. */
  public ProcessIdentity {
    if (pid <= 1) {
      throw new IllegalArgumentException("pid must be greater than 1, was " + pid);
    }
    Objects.requireNonNull(startInstant, "startInstant");
    commandLine = List.copyOf(commandLine);
  }

  /**
   * Reads the identity of a live process, or empty when the process is gone or its start time or
   * command line cannot be read.
   */
  public static Optional<ProcessIdentity> of(long pid) {
    if (pid <= 1) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).flatMap(ProcessIdentity::of);
  }

  /** Reads the identity of a live process handle, or empty when it cannot be read. */
  public static Optional<ProcessIdentity> of(ProcessHandle handle) {
    if (!handle.isAlive() || handle.pid() <= 1) {
      return Optional.empty();
    }
    ProcessHandle.Info info = handle.info();
    Optional<Instant> start = info.startInstant();
    Optional<String> command = info.command();
    if (start.isEmpty() || command.isEmpty()) {
      return Optional.empty();
    }
    List<String> line = new ArrayList<>();
    line.add(command.get());
    Optional<List<String>> fromProc = argumentsFromProc(handle.pid());
    if (fromProc.isPresent()) {
      line.addAll(fromProc.get());
    } else {
      info.arguments().ifPresent(args -> line.addAll(List.of(args)));
    }
    return Optional.of(new ProcessIdentity(handle.pid(), start.get(), line));
  }

  /**
   * The arguments after argv[0] from {@code /proc/<pid>/cmdline}, or empty where it cannot be
   * read. The JDK's {@code ProcessHandle.Info.arguments()} is empty for long command lines (a
   * server JVM's), which would reduce the identity to pid, start time and executable.
   */
  private static Optional<List<String>> argumentsFromProc(long pid) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (raw.length == 0) {
      return Optional.empty(); // a zombie or a kernel thread: nothing to read
    }
    int end = raw[raw.length - 1] == 0 ? raw.length - 1 : raw.length;
    String[] argv = new String(raw, 0, end, StandardCharsets.UTF_8).split("\0", -1);
    return Optional.of(List.of(argv).subList(1, argv.length));
  }

  /** Whether the process this identity names is alive and still the same process. */
  public boolean isStillAlive() {
    return of(pid).filter(this::equals).isPresent();
  }

  /** Why this identity no longer names a live process, or empty when it still does. */
  public Optional<String> mismatch() {
    Optional<ProcessIdentity> now = of(pid);
    if (now.isEmpty()) {
      return Optional.of("pid " + pid + " is not running");
    }
    ProcessIdentity current = now.get();
    if (!current.startInstant.equals(startInstant)) {
      return Optional.of("pid " + pid + " was reused: started at " + current.startInstant
          + ", expected " + startInstant + " (" + current.describeCommand() + ")");
    }
    if (!current.commandLine.equals(commandLine)) {
      return Optional.of("pid " + pid + " runs a different command: " + current.describeCommand());
    }
    return Optional.empty();
  }

  /** The command line shortened for messages. */
  public String describeCommand() {
    String joined = String.join(" ", commandLine);
    return joined.length() <= 160 ? joined : joined.substring(0, 157) + "...";
  }

  @Override
  public String toString() {
    return "pid " + pid + " [" + describeCommand() + "] started " + startInstant;
  }
}
