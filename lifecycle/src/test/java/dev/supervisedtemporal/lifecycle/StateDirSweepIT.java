package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.state.PidFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary state dirs left by SIGKILLed host JVMs are swept at the next start, and only those:
 * never a dir whose lock is held or whose server still runs. Real host JVMs, real servers.
 */
class StateDirSweepIT {

  @TempDir
  Path root;

  @Test
  void aKilledHostsStateDirIsSweptAtTheNextStartAndLiveOnesAreKept() throws Exception {
    List<String> options = List.of("-Djava.io.tmpdir=" + root);
    Path killedDir;
    long killedHostPid;
    List<HostFixture> hosts = new java.util.ArrayList<>();
    try (HostFixture killed = new HostFixture(options, TempStateHostMain.class);
        HostFixture live = new HostFixture(options, TempStateHostMain.class)) {
      killedDir = Path.of(killed.awaitLine("STATE_DIR").split(" ", 2)[1]);
      long killedServer = Long.parseLong(killed.awaitLine("SERVER_PID").split(" ")[1]);
      Path liveDir = Path.of(live.awaitLine("STATE_DIR").split(" ", 2)[1]);
      long liveServer = Long.parseLong(live.awaitLine("SERVER_PID").split(" ")[1]);
      killedHostPid = killed.process.pid();

      killed.process.destroyForcibly(); // SIGKILL: no shutdown hook runs in that host
      killed.process.waitFor(30, TimeUnit.SECONDS);
      awaitGone(killedServer);
      assertThat(killedDir).as("what a SIGKILLed host leaves").isDirectory();

      // a dir whose host is gone but whose server still runs: never swept
      Path serverLives = Files.createDirectory(root.resolve("supervised-temporal-orphan"),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.writeString(serverLives.resolve(StaleStateDirs.OWNER_FILE),
          "pid=" + killedHostPid + "\nstart=1970-01-01T00:00:00Z\n");
      new PidFile(serverLives).write(ProcessIdentity.of(liveServer).orElseThrow(), 1);
      // a dir whose recorded host is gone but whose lock a live host holds: never swept
      Path locked = Files.createDirectory(root.resolve("supervised-temporal-locked"),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.writeString(locked.resolve(StaleStateDirs.OWNER_FILE),
          "pid=" + killedHostPid + "\nstart=1970-01-01T00:00:00Z\n");
      HostFixture holder = new HostFixture(locked, "wait");
      hosts.add(holder);
      holder.awaitLine("SERVER_PID");
      // a dir of someone else's (no owner file): never swept
      Path foreign = Files.createDirectory(root.resolve("supervised-temporal-foreign"));

      try (TemporalManager next = TemporalManager.builder().backend(BackendKind.EMBEDDED)
          .tempRoot(root).build()) {
        assertThat(killedDir).as("state dir of the SIGKILLed host").doesNotExist();
        assertThat(liveDir).as("state dir of a live host (lock held)").isDirectory();
        assertThat(liveDir.resolve("server.pid")).exists();
        assertThat(serverLives).as("state dir whose server lives").isDirectory();
        assertThat(foreign).as("a dir without an owner file").isDirectory();
        assertThat(locked).as("a dir whose lock is held").isDirectory();
        assertThat(locked.resolve("server.pid")).exists();
        next.start();
        assertThat(next.isRunning()).isTrue();
        Path own = next.stateDir();
        next.close();
        assertThat(own).as("our own state dir after close").doesNotExist();
      }

      // a live host stopped normally (SIGTERM) removes its own state dir in its shutdown hook
      live.process.destroy();
      assertThat(live.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      awaitGone(liveServer);
      assertThat(liveDir).as("state dir of a host stopped with SIGTERM").doesNotExist();
    } finally {
      for (HostFixture h : hosts) {
        h.close();
      }
    }
  }

  @Test
  void aTmpdirThatIsAFileIsAConfigurationErrorNamingIt() throws Exception {
    Path file = Files.writeString(root.resolve("not-a-dir"), "x");
    try (HostFixture host = new HostFixture(List.of("-Djava.io.tmpdir=" + file),
        TempStateHostMain.class)) {
      String line = host.awaitLine("BUILD_FAILED", "STATE_DIR");
      assertThat(line).startsWith("BUILD_FAILED java.lang.IllegalArgumentException")
          .contains("java.io.tmpdir = '" + file + "' is a regular file")
          .contains("accepted: a writable directory");
      assertThat(host.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void awaitGone(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
        && !isZombie(pid) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    } catch (java.io.IOException e) {
      return true;
    }
  }
}
