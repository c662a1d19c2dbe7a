package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.process.Listener;
import dev.supervisedtemporal.lifecycle.process.PortOwnership;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Host death, a second JVM on the same state dir, hostile files, and exposure. */
class ResilienceIT {

  @TempDir
  Path tmp;

  @Test
  void aServerDiesWithItsKilledHostAndTheNextStartCleansUp() throws Exception {
    Path stateDir = tmp.resolve("state");
    long serverPid;
    try (HostFixture host = new HostFixture(stateDir, "wait")) {
      serverPid = Long.parseLong(host.awaitLine("SERVER_PID").split(" ")[1]);
      long killedAt = System.nanoTime();
      host.process.destroyForcibly(); // SIGKILL: no shutdown hook runs in the host
      // ProcessHandle.onExit polls slowly for a process that is not our child: read /proc.
      long deadline = killedAt + TimeUnit.SECONDS.toNanos(30);
      while (runs(serverPid) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(runs(serverPid)).as("server %d after its host was killed", serverPid).isFalse();
      System.out.printf("[measured] host SIGKILL -> server gone: %.0f ms%n",
          (System.nanoTime() - killedAt) / 1e6);
    }
    try (TemporalManager next = TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .stateDir(stateDir).build()) {
      next.start();
      assertThat(next.staleStateNotes()).singleElement()
          .satisfies(n -> assertThat(n).contains("pid " + serverPid + " is not running"));
      assertThat(next.isRunning()).isTrue();
    }
  }

  /** Whether the process exists and is not a zombie. */
  private static boolean runs(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void aHostThatExitsStopsItsSupervisorAndServerInTheShutdownHook() throws Exception {
    Path stateDir = tmp.resolve("state");
    try (HostFixture host = new HostFixture(stateDir, "exit")) {
      long serverPid = Long.parseLong(host.awaitLine("SERVER_PID").split(" ")[1]);
      assertThat(host.process.waitFor(30, TimeUnit.SECONDS)).as("host exits").isTrue();
      assertThat(ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive))
          .as("server after the host's System.exit").isEmpty();
      assertThat(Files.exists(stateDir.resolve("server.pid"))).as("pid file removed").isFalse();
    }
  }

  @Test
  void aHostStoppedWithSigtermStopsItsServerInTheShutdownHook() throws Exception {
    Path stateDir = tmp.resolve("state");
    try (HostFixture host = new HostFixture(stateDir, "wait")) {
      long serverPid = Long.parseLong(host.awaitLine("SERVER_PID").split(" ")[1]);
      long termAt = System.nanoTime();
      host.process.destroy(); // SIGTERM: the JVM runs its shutdown hooks
      assertThat(host.process.waitFor(30, TimeUnit.SECONDS)).as("host exits").isTrue();
      System.out.printf("[measured] host SIGTERM -> host gone: %.0f ms%n",
          (System.nanoTime() - termAt) / 1e6);
      assertThat(runs(serverPid)).as("server after the host's SIGTERM").isFalse();
      assertThat(Files.exists(stateDir.resolve("server.pid"))).as("pid file removed").isFalse();
    }
  }

  @Test
  void aSecondJvmOnTheSameStateDirFailsClearlyAndStartsNothing() throws Exception {
    Path stateDir = tmp.resolve("shared");
    try (TemporalManager first = TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .stateDir(stateDir).build()) {
      first.start();
      try (HostFixture second = new HostFixture(stateDir, "wait")) {
        String line = second.awaitLine("START_FAILED", "SERVER_PID");
        assertThat(line).startsWith("START_FAILED")
            .contains("is locked by another process")
            .contains("pid=" + ProcessHandle.current().pid());
        assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.process.descendants().filter(ProcessHandle::isAlive)).isEmpty();
      }
      assertThat(first.isRunning()).isTrue();
    }
  }

  @Test
  void aPidFileThatIsASymlinkIsNotFollowed() throws Exception {
    Path stateDir = Files.createDirectories(tmp.resolve("state"));
    Path precious = Files.writeString(tmp.resolve("precious"), "keep me");
    Files.createSymbolicLink(stateDir.resolve("server.pid"), precious);
    try (TemporalManager m = TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .stateDir(stateDir).build()) {
      m.start();
      assertThat(m.staleStateNotes()).singleElement()
          .satisfies(n -> assertThat(n).contains("symbolic link"));
      assertThat(Files.readString(precious)).isEqualTo("keep me");
      assertThat(m.isRunning()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"EMBEDDED", "CLI"})
  void serversListenOnLoopbackOnlyAndStateDirsAreOwnerOnly(BackendKind kind) throws Exception {
    try (TemporalManager m = Backends.builder(kind).build()) {
      m.start();
      List<Listener> listeners = new PortOwnership().listenersOwnedBy(
          PortOwnership.treeOf(ProcessHandle.of(m.pid()).orElseThrow()));
      assertThat(listeners).isNotEmpty()
          .allSatisfy(l -> assertThat(l.isLoopbackOnly()).as(l.toString()).isTrue());
      assertThat(listeners).extracting(Listener::port).contains(m.port());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(m.stateDir())))
          .isEqualTo("rwx------");
    }
    Path named = tmp.resolve("fresh/state");
    try (TemporalManager m = Backends.builder(kind).stateDir(named).build()) {
      m.start();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(named)))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void noProductionCodeBuildsAShellCommand() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> sources;
    try (var walk = Files.walk(root, 12)) {
      sources = walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/")).toList();
    }
    assertThat(sources).isNotEmpty();
    for (Path source : sources) {
      String text = Files.readString(source);
      assertThat(text).as(source.toString())
          .doesNotContain("Runtime.getRuntime().exec(")
          .doesNotContainPattern("\"(ba)?sh\"\\s*,\\s*\"-c\"");
    }
  }
}
