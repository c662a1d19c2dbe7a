package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.process.PortOwnership;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.Signal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The manager and supervisor against real servers, on every installed backend. */
class TemporalManagerIT {

  private static final Duration RECOVERY = Duration.ofSeconds(60);

  @AfterEach
  void nothingLeft() throws Exception {
    for (ProcessHandle child : Backends.liveChildren()) {
      child.onExit().get(10, TimeUnit.SECONDS);
    }
    assertThat(Backends.liveChildren()).as("child processes after the test").isEmpty();
    assertThat(Backends.supervisorThreads()).as("supervisor threads after the test").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"EMBEDDED", "CLI"})
  void startStopStartLeavesNothingBetween(BackendKind kind) {
    try (TemporalManager m = Backends.builder(kind).build()) {
      StartResult first = m.start();
      assertThat(m.isRunning()).isTrue();
      assertThat(m.answersRpc(Duration.ofSeconds(5))).isTrue();
      assertThat(Files.exists(m.pidFile())).isTrue();
      int port = m.port();

      m.stop();
      assertThat(m.pid()).isEqualTo(-1);
      assertThat(ProcessHandle.of(first.pid()).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(m.holdsLock()).isFalse();
      assertThat(Files.exists(m.pidFile())).isFalse();
      assertThat(new PortOwnership().listeners(port)).isEmpty();

      StartResult second = m.start();
      assertThat(second.pid()).isNotEqualTo(first.pid());
      assertThat(second.port()).isEqualTo(port);
      assertThat(m.isRunning()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"EMBEDDED", "CLI"})
  void startingTwiceReusesTheHealthyServer(BackendKind kind) {
    try (TemporalManager m = Backends.builder(kind).build()) {
      StartResult first = m.start();
      StartResult second = m.start();
      assertThat(second.reused()).isTrue();
      assertThat(second.pid()).isEqualTo(first.pid());
      assertThat(Backends.liveChildren()).singleElement()
          .satisfies(p -> assertThat(p.pid()).isEqualTo(first.pid()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"EMBEDDED", "CLI"})
  void aKilledServerIsRestartedOnTheSamePortAndAnswersRpcs(BackendKind kind) throws Exception {
    try (TemporalManager m = Backends.builder(kind).build()) {
      m.start();
      m.startSupervisor(Backends.quick());
      long before = m.pid();
      int port = m.port();
      int from = m.events().size();

      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);

      m.events().await("UNHEALTHY after SIGKILL", from,
          e -> e.type() == SupervisorEventType.UNHEALTHY, RECOVERY);
      SupervisorEvent restarted = m.events().await("RESTARTED after SIGKILL", from,
          e -> e.type() == SupervisorEventType.RESTARTED, RECOVERY);
      assertThat(restarted.pid()).isNotEqualTo(before).isEqualTo(m.pid());
      assertThat(m.port()).isEqualTo(port);
      assertThat(m.answersRpc(Duration.ofSeconds(5))).isTrue();
      assertThat(m.supervisor().orElseThrow().restartCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"EMBEDDED", "CLI"})
  void aSuspendedServerIsDetectedKilledAndReplaced(BackendKind kind) throws Exception {
    try (TemporalManager m = Backends.builder(kind).build()) {
      m.start();
      ProcessIdentity hung = m.serverIdentity().orElseThrow();
      m.startSupervisor(Backends.quick());
      int from = m.events().size();
      try {
        ProcessGroups.signalGroup(hung, Signal.STOP);
        SupervisorEvent unhealthy = m.events().await("UNHEALTHY while suspended", from,
            e -> e.type() == SupervisorEventType.UNHEALTHY, RECOVERY);
        assertThat(unhealthy.detail()).contains("PROTOCOL");
        m.events().await("RESTARTED after the hang", from,
            e -> e.type() == SupervisorEventType.RESTARTED, RECOVERY);
        assertThat(m.pid()).isNotEqualTo(hung.pid());
        assertThat(hung.isStillAlive()).as("the hung process is gone, not left stopped").isFalse();
        assertThat(m.answersRpc(Duration.ofSeconds(5))).isTrue();
      } finally {
        if (hung.isStillAlive()) {
          ProcessGroups.signalGroup(hung, Signal.CONT);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"EMBEDDED", "CLI"})
  void aForeignListenerOnThePortIsNeverHealthyAndIsNamed(BackendKind kind) throws Exception {
    try (TemporalManager m = Backends.builder(kind).build()) {
      m.start();
      int port = m.port();
      ProcessHandle server = ProcessHandle.of(m.pid()).orElseThrow();
      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
      server.onExit().get(10, TimeUnit.SECONDS);

      long self = ProcessHandle.current().pid();
      try (ServerSocket thief = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        HealthReport report = m.health();
        assertThat(report.healthy()).isFalse();
        assertThatThrownBy(m::start).isInstanceOf(PortInUseException.class)
            .hasMessageContaining("pid " + self)
            .satisfies(e -> assertThat(((PortInUseException) e).holderPid()).isEqualTo(self));
        assertThat(m.isRunning()).isFalse();
      }
      StartResult back = m.start();
      assertThat(back.port()).isEqualTo(port);
      assertThat(m.isRunning()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"EMBEDDED", "CLI"})
  void stopDuringARestartLeavesNoServerBehind(BackendKind kind) throws Exception {
    for (int round = 0; round < 3; round++) {
      List<Long> spawned = new ArrayList<>();
      try (TemporalManager m = Backends.builder(kind).build()) {
        m.start();
        m.startSupervisor(Backends.quick().toBuilder()
            .backoff(Duration.ofMillis(1), Duration.ofMillis(1), 1, 0).build());
        CountDownLatch restarting = new CountDownLatch(1);
        m.events().subscribe(e -> {
          if (e.type() == SupervisorEventType.RESTART_ATTEMPT) {
            restarting.countDown();
          }
        });
        ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
        assertThat(restarting.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(round * 150L); // vary where in the restart stop lands
        m.stop();
        Set<Long> afterStop = Set.copyOf(Backends.liveChildren().stream()
            .map(ProcessHandle::pid).toList());
        assertThat(afterStop).as("server processes right after stop()").isEmpty();
        assertThat(m.pid()).isEqualTo(-1);
        Thread.sleep(300);
        assertThat(Backends.liveChildren()).as("no server appears after stop()").isEmpty();
        m.events().ofType(SupervisorEventType.RESTARTED).forEach(e -> spawned.add(e.pid()));
      }
      for (long pid : spawned) {
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"EMBEDDED", "CLI"})
  void staleStateIsCleanedAndForeignProcessesAreNeverSignalled(BackendKind kind)
      throws Exception {
    Path stateDir = Files.createTempDirectory("st-stale-");
    Process decoy = new ProcessBuilder("sleep", "120").start();
    try {
      ProcessIdentity decoyId = ProcessIdentity.of(decoy.toHandle()).orElseThrow();
      new dev.supervisedtemporal.lifecycle.state.PidFile(stateDir).write(
          new ProcessIdentity(decoyId.pid(), decoyId.startInstant(),
              List.of("/usr/bin/java", "EmbeddedServerMain", "7233")), 7233);
      try (TemporalManager m = Backends.builder(kind).stateDir(stateDir).build()) {
        m.start();
        assertThat(decoy.isAlive()).as("the decoy named by the pid file").isTrue();
        assertThat(m.staleStateNotes()).singleElement()
            .satisfies(n -> assertThat(n).contains("nothing signalled"));
        m.stop();
        Files.writeString(m.pidFile(), "not a pid file at all");
        m.start();
        assertThat(m.staleStateNotes()).singleElement()
            .satisfies(n -> assertThat(n).contains("malformed").contains("nothing signalled"));
        assertThat(m.isRunning()).isTrue();
      }
    } finally {
      decoy.destroyForcibly().waitFor();
      try (var files = Files.walk(stateDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
