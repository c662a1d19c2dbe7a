package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.ResidentMemory;
import dev.supervisedtemporal.lifecycle.process.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm standby with real processes: a kill is served by the promoted standby, a new one
 * follows, and stop, host death, a failed promotion or a stop during a promotion leave nothing.
 */
class StandbyIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path tmp;

  @AfterEach
  void nothingOfOursIsLeft() {
    assertThat(Backends.liveChildren()).as("server or standby processes left").isEmpty();
    assertThat(Backends.supervisorThreads()).isEmpty();
  }

  private static TemporalManager standbyManager() {
    return Backends.builder(BackendKind.EMBEDDED).standby(StandbyMode.ON).build();
  }

  @Test
  void aKilledServerIsReplacedByThePromotedStandbyAndANewStandbyFollows() throws Exception {
    try (TemporalManager m = standbyManager()) {
      m.start();
      ProcessIdentity standby = awaitStandby(m);
      await("standby " + standby.pid() + " warm", () -> m.standby().warm());
      System.out.printf("[measured] warm standby pid %d RSS %.1f MiB (server %.1f MiB)%n",
          standby.pid(), mib(standby.pid()), mib(m.pid()));
      m.startSupervisor(Backends.quick());
      long before = m.pid();
      int from = m.events().size();

      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
      SupervisorEvent restarted = m.events().await("RESTARTED", from,
          e -> e.type() == SupervisorEventType.RESTARTED, WAIT);

      assertThat(restarted.pid()).as("the promoted standby serves").isEqualTo(standby.pid());
      assertThat(m.pid()).isEqualTo(standby.pid()).isNotEqualTo(before);
      assertThat(Files.readString(m.pidFile())).contains(Long.toString(standby.pid()));
      assertThat(m.isRunning()).isTrue();
      assertThat(m.answersRpc(Duration.ofSeconds(5))).isTrue();
      assertThat(m.standby().promotions()).isEqualTo(1);
      ProcessIdentity next = awaitStandby(m);
      assertThat(next.pid()).as("a new standby").isNotIn(before, standby.pid());

      // A hung server is replaced by a promotion too.
      int hungFrom = m.events().size();
      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.STOP);
      SupervisorEvent again = m.events().await("RESTARTED", hungFrom,
          e -> e.type() == SupervisorEventType.RESTARTED, WAIT);
      assertThat(again.pid()).isEqualTo(next.pid());
      assertThat(m.standby().promotions()).isEqualTo(2);
      assertThat(m.isRunning()).isTrue();
    }
  }

  @Test
  void aPolicyWithAStandbyGivesOneToAManagerBuiltWithout() throws Exception {
    try (TemporalManager m = Backends.builder(BackendKind.EMBEDDED).build()) {
      m.start();
      assertThat(m.standby().mode()).isEqualTo(StandbyMode.OFF);
      m.startSupervisor(Backends.quick().toBuilder().standby(StandbyMode.ON).build());
      ProcessIdentity standby = awaitStandby(m);
      assertThat(m.standby().mode()).isEqualTo(StandbyMode.ON);
      int from = m.events().size();

      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
      SupervisorEvent restarted = m.events().await("RESTARTED", from,
          e -> e.type() == SupervisorEventType.RESTARTED, WAIT);

      assertThat(restarted.pid()).as("the policy's standby serves").isEqualTo(standby.pid());
      assertThat(m.standby().promotions()).isEqualTo(1);
      assertThat(m.answersRpc(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void stopLeavesNeitherServerNorStandby() throws Exception {
    try (TemporalManager m = standbyManager()) {
      m.start();
      ProcessIdentity standby = awaitStandby(m);
      long server = m.pid();
      m.stop();
      assertThat(ProcessHandle.of(standby.pid()).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(m.standby().pid()).isEqualTo(-1);
      // A manager that was stopped starts again, with a standby again.
      m.start();
      assertThat(awaitStandby(m).pid()).isNotEqualTo(standby.pid());
    }
  }

  @Test
  void offAndAfterFirstRestartStartNoStandbyUntilTheyShould() throws Exception {
    try (TemporalManager m = Backends.builder(BackendKind.EMBEDDED)
        .standby(StandbyMode.AFTER_FIRST_RESTART).build()) {
      m.start();
      m.startSupervisor(Backends.quick());
      assertThat(Backends.liveChildren()).hasSize(1);
      assertThat(m.standby().pid()).isEqualTo(-1);
      int from = m.events().size();
      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
      m.events().await("RESTARTED", from, e -> e.type() == SupervisorEventType.RESTARTED, WAIT);
      assertThat(m.standby().promotions()).as("the first restart is cold").isZero();
      awaitStandby(m);
      assertThat(Backends.liveChildren()).hasSize(2);
    }
  }

  @Test
  void aDeadStandbyMeansAColdStartAndNoExtraProcess() throws Exception {
    try (TemporalManager m = standbyManager()) {
      m.start();
      ProcessIdentity standby = awaitStandby(m);
      m.startSupervisor(Backends.quick());
      long before = m.pid();
      ProcessGroups.signalGroup(standby, Signal.KILL);
      await("standby " + standby.pid() + " gone", () -> !standby.isStillAlive());
      int from = m.events().size();
      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
      SupervisorEvent restarted = m.events().await("RESTARTED", from,
          e -> e.type() == SupervisorEventType.RESTARTED, WAIT);

      assertThat(restarted.pid()).isNotIn(before, standby.pid());
      assertThat(m.standby().failedPromotions()).isEqualTo(1);
      assertThat(m.standby().promotions()).isZero();
      ProcessIdentity next = awaitStandby(m);
      assertThat(Backends.liveChildren()).extracting(ProcessHandle::pid)
          .as("only the cold-started server and the new standby")
          .containsExactlyInAnyOrder(m.pid(), next.pid());
      assertThat(m.isRunning()).isTrue();
    }
  }

  @Test
  void aStopDuringAPromotionLeavesNothing() throws Exception {
    for (long delayMillis : new long[] {0, 15, 60}) {
      try (TemporalManager m = standbyManager()) {
        m.start();
        awaitStandby(m);
        m.startSupervisor(Backends.quick());
        int from = m.events().size();
        ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
        if (delayMillis > 0) {
          m.events().await("RESTART_ATTEMPT", from,
              e -> e.type() == SupervisorEventType.RESTART_ATTEMPT, WAIT);
          Thread.sleep(delayMillis);
        }
        m.stop();
        assertThat(Backends.liveChildren()).as("after a stop %d ms into the recovery",
            delayMillis).isEmpty();
        assertThat(m.standby().pid()).isEqualTo(-1);
        assertThat(Files.exists(m.pidFile())).isFalse();
      }
    }
  }

  @Test
  void aKilledHostTakesItsStandbyWithIt() throws Exception {
    Path stateDir = tmp.resolve("state");
    long serverPid;
    long standbyPid;
    try (HostFixture host = new HostFixture(stateDir, List.of("wait", "standby"))) {
      serverPid = Long.parseLong(host.awaitLine("SERVER_PID").split(" ")[1]);
      standbyPid = Long.parseLong(host.awaitLine("STANDBY_PID").split(" ")[1]);
      assertThat(standbyPid).isPositive();
      long killedAt = System.nanoTime();
      host.process.destroyForcibly(); // SIGKILL: no shutdown hook runs in the host
      await("server and standby gone after the host's SIGKILL",
          () -> !runs(serverPid) && !runs(standbyPid));
      System.out.printf("[measured] host SIGKILL -> server and standby gone: %.0f ms%n",
          (System.nanoTime() - killedAt) / 1e6);
    }
  }

  @Test
  void killsInQuickSuccessionAreServedByStandbysWarmedBeforeAndStopKillsThePool()
      throws Exception {
    try (TemporalManager m = Backends.builder(BackendKind.EMBEDDED).standby(StandbyMode.ON)
        .standbyCount(2).build()) {
      m.start();
      await("two warm standbys", () -> m.standby().warmCount() == 2);
      List<Long> pool = m.standby().pids();
      for (long pid : pool) {
        System.out.printf("[measured] warm standby pid %d RSS %.1f MiB%n", pid, mib(pid));
      }
      m.startSupervisor(Backends.quick());
      long first = m.pid();

      int from = m.events().size();
      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
      SupervisorEvent one = m.events().await("RESTARTED", from,
          e -> e.type() == SupervisorEventType.RESTARTED, WAIT);
      // The second kill follows the first recovery at once, while its replacement warms.
      int again = m.events().size();
      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
      SupervisorEvent two = m.events().await("RESTARTED", again,
          e -> e.type() == SupervisorEventType.RESTARTED, WAIT);

      assertThat(List.of(one.pid(), two.pid())).as("both served by standbys warm before the "
          + "first kill").containsExactlyInAnyOrderElementsOf(pool);
      assertThat(m.pid()).isEqualTo(two.pid()).isNotEqualTo(first);
      assertThat(m.standby().promotions()).isEqualTo(2);
      assertThat(m.standby().failedPromotions()).isZero();
      assertThat(m.answersRpc(Duration.ofSeconds(5))).isTrue();
      await("the pool filled again", () -> m.standby().pids().size() == 2);
      List<Long> refilled = m.standby().pids();
      assertThat(refilled).doesNotContainAnyElementsOf(pool).doesNotContain(first);
      assertThat(m.standbyIdentities()).extracting(ProcessIdentity::pid)
          .containsExactlyElementsOf(refilled);
      assertThat(Backends.liveChildren()).extracting(ProcessHandle::pid)
          .as("the server and its two standbys, nothing else")
          .containsExactlyInAnyOrder(m.pid(), refilled.get(0), refilled.get(1));

      long server = m.pid();
      m.stop();
      for (long pid : List.of(server, refilled.get(0), refilled.get(1))) {
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid %d", pid)
            .isEmpty();
      }
      assertThat(m.standby().pids()).isEmpty();
      assertThat(m.standbyIdentities()).isEmpty();
    }
  }

  @Test
  void aPoolIsFilledAgainOnceThePromotedServerHasServedAWhile() throws Exception {
    try (TemporalManager m = Backends.builder(BackendKind.EMBEDDED).standby(StandbyMode.ON)
        .standbyCount(2).build()) {
      m.start();
      await("two standbys", () -> m.standby().pids().size() == 2);
      List<Long> pool = m.standby().pids();
      m.startSupervisor(Backends.quick());
      int from = m.events().size();
      long killedAt = System.nanoTime();
      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
      m.events().await("RESTARTED", from, e -> e.type() == SupervisorEventType.RESTARTED, WAIT);
      await("the pool filled again by the supervisor's ticks",
          () -> m.standby().pids().size() == 2);
      assertThat(System.nanoTime() - killedAt).as("not before the refill delay")
          .isGreaterThanOrEqualTo(Standby.REFILL_DELAY.toNanos());
      assertThat(m.standby().pids()).hasSize(2).containsAnyElementsOf(pool)
          .doesNotContain(m.pid());
      assertThat(Backends.liveChildren()).hasSize(3);
    }
  }

  @Test
  void aDeadStandbyInAPoolIsPassedOverForTheNextOne() throws Exception {
    try (TemporalManager m = Backends.builder(BackendKind.EMBEDDED).standby(StandbyMode.ON)
        .standbyCount(2).build()) {
      m.start();
      await("two warm standbys", () -> m.standby().warmCount() == 2);
      ProcessIdentity doomed = m.standbyIdentity().orElseThrow();
      long other = m.standby().pids().stream().filter(p -> p != doomed.pid()).findFirst()
          .orElseThrow();
      m.startSupervisor(Backends.quick());
      ProcessGroups.signalGroup(doomed, Signal.KILL);
      await("standby " + doomed.pid() + " gone", () -> !doomed.isStillAlive());
      int from = m.events().size();
      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
      SupervisorEvent restarted = m.events().await("RESTARTED", from,
          e -> e.type() == SupervisorEventType.RESTARTED, WAIT);

      assertThat(restarted.pid()).as("the other standby, not a cold start").isEqualTo(other);
      assertThat(m.standby().failedPromotions()).isEqualTo(1);
      assertThat(m.standby().promotions()).isEqualTo(1);
      await("the pool filled again", () -> m.standby().pids().size() == 2);
      List<Long> pool = m.standby().pids();
      assertThat(Backends.liveChildren()).extracting(ProcessHandle::pid)
          .containsExactlyInAnyOrder(m.pid(), pool.get(0), pool.get(1));
    }
  }

  @Test
  void aKilledHostTakesAllItsStandbysWithIt() throws Exception {
    Path stateDir = tmp.resolve("state");
    try (HostFixture host = new HostFixture(stateDir, List.of("wait", "standby", "3"))) {
      long serverPid = Long.parseLong(host.awaitLine("SERVER_PID").split(" ")[1]);
      List<Long> standbys = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        standbys.add(Long.parseLong(host.awaitLine("STANDBY_PID").split(" ")[1]));
      }
      assertThat(standbys).doesNotHaveDuplicates().allMatch(StandbyIT::runs);
      host.process.destroyForcibly(); // SIGKILL: no shutdown hook runs in the host
      await("server and 3 standbys gone after the host's SIGKILL",
          () -> !runs(serverPid) && standbys.stream().noneMatch(StandbyIT::runs));
    }
  }

  private static ProcessIdentity awaitStandby(TemporalManager m) throws InterruptedException {
    await("a standby of " + m, () -> m.standbyIdentity().isPresent());
    return m.standbyIdentity().orElseThrow();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      Thread.sleep(10);
    }
  }

  private static boolean runs(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static double mib(long pid) {
    return ResidentMemory.bytes(pid).orElse(-1) / (1024.0 * 1024.0);
  }

}
