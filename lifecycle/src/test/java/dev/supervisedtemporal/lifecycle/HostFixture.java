package dev.supervisedtemporal.lifecycle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child host JVM running {@link HostFixtureMain}; always destroyed by {@link #close()}. */
final class HostFixture implements AutoCloseable {

  final Process process;
  private final BufferedReader out;

  HostFixture(Path stateDir, String mode) throws IOException {
    this(stateDir, List.of(mode));
  }

  /** A host with extra arguments after the state dir (see {@link HostFixtureMain}). */
  HostFixture(Path stateDir, List<String> args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
        System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        HostFixtureMain.class.getName(), stateDir.toString()));
    command.addAll(args);
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
  }

  /** A host JVM with extra JVM options running any main class of the test class path. */
  HostFixture(List<String> jvmOptions, Class<?> main, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
        System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    command.addAll(jvmOptions);
    command.add(main.getName());
    command.addAll(List.of(args));
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
  }

  /** Reads lines until one starts with a prefix; returns the rest of that line. */
  String awaitLine(String... prefixes) throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      for (String prefix : prefixes) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    }
    throw new IOException("the host fixture ended without printing " + List.of(prefixes));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }
}
