package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.Signal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kill, terminate, suspend, hang and the stop race against a real supervised server. */
class SignalFaultsIT extends SupervisedServerTest {

  @Test
  void killEndsTheServerAndRecoveryIsRecorded() throws Exception {
    long pid = manager.pid();
    Fault fault = chaos.kill();
    Servers.awaitGone(pid);
    assertThat(fault.targetPid()).isEqualTo(pid);
    assertThat(fault.isHealed()).isTrue();
    Recovery recovery = chaos.awaitRecovery(fault, Servers.GENEROUS);
    assertThat(manager.pid()).isNotEqualTo(pid);
    assertThat(chaos.events().ofFault(fault.id())).extracting(ChaosEvent::type).containsExactly(
        ChaosEventType.FAULT_INJECTED, ChaosEventType.FAULT_HEALED, ChaosEventType.RPC_RECOVERED);
    ChaosEvent injected = chaos.events().ofFault(fault.id()).get(0);
    ChaosEvent recovered = chaos.events().ofFault(fault.id()).get(2);
    assertThat(recovery.faultId()).isEqualTo(fault.id());
    assertThat(recovery.rpcRecovered().toNanos())
        .isEqualTo(recovered.nanoTime() - fault.injectedNanos()).isPositive();
    assertThat(recovery.clientRecovered()).isEmpty();
    assertThat(injected.pid()).isEqualTo(pid);
    assertThat(manager.events().snapshot()).anyMatch(e -> e.type() == SupervisorEventType.UNHEALTHY
        && e.nanoTime() >= injected.nanoTime());
  }

  @Test
  void terminateEndsTheServer() throws Exception {
    long pid = manager.pid();
    Fault fault = chaos.terminate();
    Servers.awaitGone(pid);
    chaos.awaitRecovery(fault, Servers.GENEROUS);
  }

  @Test
  void suspendStopsTheGroupAndClosingResumesIt() throws Exception {
    long pid = manager.pid();
    try (Fault pause = chaos.suspend()) {
      assertThat(Servers.state(pid)).hasValue('T');
      assertThat(pause.result()).contains("state T");
      assertThat(manager.answersRpc(Duration.ofMillis(300))).isFalse();
    }
    Servers.assertNotStopped(pid);
    assertThat(chaos.events().ofType(ChaosEventType.FAULT_HEALED)).hasSize(1);
  }

  @Test
  void resumeHealsEveryOpenSuspension() throws Exception {
    long pid = manager.pid();
    chaos.suspend();
    assertThat(chaos.resume()).isEqualTo(1);
    Servers.assertNotStopped(pid);
    assertThat(chaos.openFaults()).isEmpty();
  }

  @Test
  void aTestThatThrowsWhileSuspendedLeavesTheServerResumed() throws Exception {
    long pid = manager.pid();
    assertThatThrownBy(() -> {
      try (Chaos scoped = Chaos.on(manager)) {
        scoped.suspend();
        assertThat(Servers.state(pid)).hasValue('T');
        throw new IllegalStateException("the test failed while the server was stopped");
      }
    }).hasMessageContaining("the test failed");
    Servers.assertNotStopped(pid);
  }

  @Test
  void hangForResumesByItself() throws Exception {
    long pid = manager.pid();
    Fault hang = chaos.hangFor(Duration.ofMillis(300));
    assertThat(Servers.state(pid)).hasValue('T');
    chaos.events().await("hang healed", 0, e -> e.type() == ChaosEventType.FAULT_HEALED
        && e.faultId().equals(hang.id()), Servers.GENEROUS);
    Servers.assertNotStopped(pid);
  }

  @Test
  void aForeignProcessIsNeverSignalled() throws Exception {
    ProcessIdentity server = manager.serverIdentity().orElseThrow();
    HelperProcess decoy = HelperProcess.spawn(List.of("/usr/bin/sleep", "600"),
        manager.stateDir(), "foreign-decoy");
    try {
      decoy.awaitExec("sleep", Servers.GENEROUS);
      // The pid-reuse case: the decoy's pid, with the start time and command of our server.
      ProcessIdentity forged =
          new ProcessIdentity(decoy.pid(), server.startInstant(), server.commandLine());
      assertThatThrownBy(() -> GroupSignals.send(forged, FaultKind.SUSPEND, Signal.STOP))
          .isInstanceOf(FaultRefusedException.class).hasMessageContaining("reused");
      ProcessIdentity ownJvm = ProcessIdentity.of(ProcessHandle.current()).orElseThrow();
      assertThatThrownBy(() -> GroupSignals.send(ownJvm, FaultKind.KILL, Signal.KILL))
          .isInstanceOf(FaultRefusedException.class);
      assertThat(decoy.isAlive()).isTrue();
      assertThat(Servers.state(decoy.pid())).get().isNotEqualTo('T');
    } finally {
      decoy.stop();
    }
  }

  @Test
  void killDuringStopStartsNoNewServer() throws Exception {
    long pid = manager.pid();
    StopRace race = chaos.killDuringStop();
    assertThat(race.killedPid()).isEqualTo(pid);
    assertThat(race.newServerAppeared()).as("events after stop: %s", race.eventsAfterStopBegan())
        .isFalse();
    assertThat(manager.supervisor()).isEmpty();
    Servers.awaitGone(pid);
    assertThat(manager.answersRpc(Duration.ofMillis(500))).isFalse();
  }
}
