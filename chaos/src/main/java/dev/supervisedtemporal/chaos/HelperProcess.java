package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.Await;
import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.ProcessSpawner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A helper process chaos owns (port thief, decoy, lock holder): spawned through
 * {@link ProcessSpawner} in its own group with a parent-death signal, awaited by the line it
 * prints, and always killed and reaped by {@link #stop()}.
 */
final class HelperProcess {

  private static final Duration STOP_WAIT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(2);

  private final Process process;
  private final Path log;

  private HelperProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Spawns a main class of this module in a small child JVM. */
  static HelperProcess java(Class<?> main, List<String> args, Path dir, String name)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx16m",
        "-XX:-UsePerfData", "-cp", classPathOf(main), main.getName()));
    command.addAll(args);
    return spawn(command, dir, name);
  }

  /** Spawns a command given as an argument list (never a shell string). */
  static HelperProcess spawn(List<String> command, Path dir, String name)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path log = dir.resolve("chaos-" + name + ".log");
    Files.deleteIfExists(log);
    Files.createFile(log);
    return new HelperProcess(ProcessSpawner.spawn(command, dir, log), log);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until the helper printed a line starting with the prefix.
   *
   * @throws IOException when it exited first or timed out, with its output
   */
  String awaitLine(String prefix, Duration timeout) throws IOException {
    Optional<String> line;
    try {
      line = Await.until("helper pid " + pid() + " to print " + prefix).atMost(timeout)
          .pollInterval(POLL).until(() -> lineStartingWith(prefix),
              seen -> seen.isPresent() || !process.isAlive());
    } catch (AwaitTimeoutException e) {
      throw new IOException("helper pid " + pid() + " did not print " + prefix + " within "
          + timeout + "; output: " + output(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (line.isEmpty()) {
      line = lineStartingWith(prefix);
    }
    return line.orElseThrow(() -> new IOException("helper pid " + pid() + " exited with code "
        + process.exitValue() + " before printing " + prefix + "; output: " + output()));
  }

  /** Waits until the helper has exec'd into the program (its command line is final). */
  ProcessIdentity awaitExec(String programName, Duration timeout) throws IOException {
    Optional<ProcessIdentity> id;
    try {
      id = Await.until("helper pid " + pid() + " to become " + programName).atMost(timeout)
          .pollInterval(POLL).until(() -> ProcessIdentity.of(process.toHandle())
              .filter(seen -> runs(seen, programName)), seen -> seen.isPresent()
              || !process.isAlive());
    } catch (AwaitTimeoutException e) {
      throw new IOException("helper pid " + pid() + " did not become " + programName, e);
    }
    return id.orElseThrow(() ->
        new IOException("helper pid " + pid() + " did not become " + programName));
  }

  private static boolean runs(ProcessIdentity id, String programName) {
    return Path.of(id.commandLine().get(0)).getFileName().toString().equals(programName);
  }

  private Optional<String> lineStartingWith(String prefix) {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(l -> l.startsWith(prefix)).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the helper (our own child, by its handle) and reaps it; says what happened. */
  String stop() throws InterruptedException {
    if (!process.isAlive()) {
      return "helper " + pid() + " had already exited";
    }
    process.destroyForcibly();
    boolean gone = process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // the state dir may be gone already
    }
    if (!gone) {
      throw new IllegalStateException("helper " + pid() + " did not exit within " + STOP_WAIT
          + " of SIGKILL");
    }
    return "helper " + pid() + " killed and reaped";
  }

  private String output() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8).trim();
      return text.length() > 500 ? text.substring(text.length() - 500) : text;
    } catch (IOException e) {
      return "(unreadable)";
    }
  }

  private static String classPathOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException | NullPointerException e) {
      return System.getProperty("java.class.path");
    }
  }
}
