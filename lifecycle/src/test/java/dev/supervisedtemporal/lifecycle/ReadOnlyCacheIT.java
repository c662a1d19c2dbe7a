package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no writable cache dir (here: one below a regular file, which not even root can create)
 * the embedded server still starts, from a jar unpacked into a directory its host JVM owns and
 * deletes, and one log line says why. Runs in a host JVM of its own because the server jar is
 * located once per JVM.
 */
class ReadOnlyCacheIT {

  @TempDir
  Path tmp;

  @Test
  @Timeout(180)
  void startsWithoutACacheAndSaysWhyOnce() throws Exception {
    Path blocker = Files.writeString(tmp.resolve("blocker"), "a file, not a directory");
    Path cacheDir = blocker.resolve("cache");
    Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process host = new ProcessBuilder(List.of(java.toString(), "-cp",
        System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-Dsupervised.temporal.cache-dir=" + cacheDir,
        "-Djava.io.tmpdir=" + javaTmp,
        HostFixtureMain.class.getName(), tmp.resolve("state").toString(), "wait"))
        .redirectErrorStream(true).start();
    long serverPid = -1;
    try {
      List<String> lines = new ArrayList<>();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
      for (String line; (line = out.readLine()) != null; ) {
        lines.add(line);
        if (line.startsWith("SERVER_PID ") || line.startsWith("START_FAILED")) {
          break;
        }
      }
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      assertThat(last).as("host output: %s", lines).startsWith("SERVER_PID ");
      serverPid = Long.parseLong(last.substring("SERVER_PID ".length()).trim());

      assertThat(lines.stream().filter(l -> l.contains("supervised.temporal.cache-dir")))
          .as("one line says why the cache is not used: %s", lines)
          .singleElement().asString()
          .contains("cannot create the cache directory " + cacheDir)
          .contains("without a class-data archive (slower)");
      lines.stream().filter(l -> l.contains("supervised.temporal.cache-dir"))
          .forEach(l -> System.out.println("[read-only cache] " + l));

      List<String> cmdline = cmdline(serverPid);
      String classPath = cmdline.get(cmdline.indexOf("-cp") + 1);
      assertThat(classPath).as("the child runs one jar: %s", cmdline)
          .doesNotContain(":").startsWith(javaTmp.toString()).endsWith(".jar");
      assertThat(Path.of(classPath)).isRegularFile();
      assertThat(cmdline).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
      assertThat(blocker).isRegularFile();

      host.destroy(); // SIGTERM: exit hooks stop the server and delete the unpacked jar
      assertThat(host.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Path.of(classPath)).doesNotExist();
      assertThat(Path.of(classPath).getParent()).doesNotExist();
      awaitGone(serverPid, Duration.ofSeconds(10));
    } finally {
      host.destroyForcibly();
      host.waitFor(30, TimeUnit.SECONDS);
      if (serverPid > 0) {
        ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroyForcibly);
      }
      try (Stream<Path> files = Files.walk(javaTmp)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static List<String> cmdline(long pid) throws IOException {
    String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"),
        StandardCharsets.UTF_8);
    return Arrays.asList(raw.split("\0"));
  }

  private static void awaitGone(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(System.nanoTime()).as("server %d still alive", pid).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
