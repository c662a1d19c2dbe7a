package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.state.PidFile;
import dev.supervisedtemporal.lifecycle.state.StateDirLock;
import dev.supervisedtemporal.lifecycle.state.StateDirLockedException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Pid-file and lock tampering, each undone afterwards. */
class StateFaultsIT extends SupervisedServerTest {

  @Test
  void corruptPidFileIsRestored() throws Exception {
    byte[] original = Files.readAllBytes(manager.pidFile());
    try (Fault fault = chaos.corruptPidFile()) {
      assertThat(Files.readAllBytes(manager.pidFile())).isNotEqualTo(original);
      assertThatThrownBy(() -> new PidFile(manager.stateDir()).read())
          .hasMessageContaining("malformed");
      assertThat(fault.targetPid()).isEqualTo(manager.pid());
    }
    assertThat(Files.readAllBytes(manager.pidFile())).isEqualTo(original);
  }

  @Test
  void deletedPidFileIsRestored() throws Exception {
    byte[] original = Files.readAllBytes(manager.pidFile());
    try (Fault fault = chaos.deletePidFile()) {
      assertThat(fault.result()).contains("deleted");
      assertThat(manager.pidFile()).doesNotExist();
    }
    assertThat(Files.readAllBytes(manager.pidFile())).isEqualTo(original);
  }

  @Test
  void aDecoyNamedInThePidFileSurvivesARestartAndIsReapedOnHeal() throws Exception {
    long server = manager.pid();
    long decoy;
    try (Fault fault = chaos.pidFileNamingForeignProcess()) {
      decoy = fault.helperPid();
      assertThat(Servers.alive(decoy)).isTrue();
      assertThat(new PidFile(manager.stateDir()).read().identity().pid()).isEqualTo(decoy);
      // The server dies; the restart finds a pid file naming a live process that is not ours.
      int from = manager.events().size();
      Fault kill = chaos.kill();
      chaos.awaitRecovery(kill, Servers.GENEROUS);
      // The RPC can answer a moment before the manager records the new server: wait for that.
      manager.events().await("restarted", from,
          e -> e.type() == SupervisorEventType.RESTARTED, Servers.GENEROUS);
      assertThat(manager.pid()).isNotIn(server, decoy);
      assertThat(Servers.alive(decoy)).as("the decoy must never be signalled").isTrue();
      assertThat(Servers.state(decoy)).get().isNotEqualTo('T');
      assertThat(manager.staleStateNotes()).anyMatch(n -> n.contains("nothing signalled"));
    }
    Servers.awaitGone(decoy);
    assertThat(new PidFile(manager.stateDir()).read().identity().pid()).isEqualTo(manager.pid());
  }

  @Test
  void aLockHeldByAnotherProcessBlocksTheNextStartUntilHealed() throws Exception {
    assertThatThrownBy(() -> chaos.holdLockFromAnotherProcess())
        .isInstanceOf(FaultRefusedException.class).hasMessageContaining("stop()");
    manager.stop();
    long holder;
    try (Fault fault = chaos.holdLockFromAnotherProcess()) {
      holder = fault.helperPid();
      assertThat(StateDirLock.isLockedByAnyone(manager.stateDir())).isTrue();
      assertThatThrownBy(manager::start).isInstanceOf(StateDirLockedException.class)
          .hasMessageContaining("pid=" + holder);
    }
    Servers.awaitGone(holder);
    manager.start();
    assertThat(manager.holdsLock()).isTrue();
    assertThat(chaos.events().ofType(ChaosEventType.FAULT_REFUSED)).hasSize(1);
  }
}
