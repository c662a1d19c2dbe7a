package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisedtemporal.lifecycle.backend.BackendDiscovery;
import dev.supervisedtemporal.lifecycle.backend.FreePorts;
import dev.supervisedtemporal.lifecycle.backend.TestBackends;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.Signal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CLI server whose HTTP API or metrics port is taken when it binds: the start (first, or a
 * supervisor's restart) retries with new ports instead of failing.
 */
class PortCollisionIT {

  private Path cli;
  private final Queue<Integer> scripted = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void needsTheCli() {
    cli = BackendDiscovery.findCli().orElse(null);
    assumeTrue(cli != null, "Temporal CLI not installed: CLI port collisions not tested");
  }

  @AfterEach
  void nothingLeft() throws Exception {
    for (ProcessHandle child : Backends.liveChildren()) {
      child.onExit().get(10, TimeUnit.SECONDS);
    }
    assertThat(Backends.liveChildren()).as("child processes after the test").isEmpty();
  }

  /** Index 0 is the HTTP API port, 1 the metrics port. */
  @ParameterizedTest(name = "auxiliary port {0} taken")
  @ValueSource(ints = {0, 1})
  void aTakenHttpOrMetricsPortOnTheFirstStartIsRetriedWithNewPorts(int which) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        TemporalManager m = manager()) {
      scriptCollision(which, taken.getLocalPort());

      StartResult start = m.start();

      assertThat(start.attempts()).as("processes spawned").isEqualTo(2);
      assertThat(m.answersRpc(Duration.ofSeconds(5))).isTrue();
      assertThat(m.logTail(200)).anyMatch(l -> l.contains("address already in use"));
    }
  }

  @ParameterizedTest(name = "auxiliary port {0} taken")
  @ValueSource(ints = {0, 1})
  void aTakenHttpOrMetricsPortOnARestartIsRetriedWithinTheSameAttempt(int which)
      throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        TemporalManager m = manager()) {
      m.start();
      m.startSupervisor(Backends.quick());
      int from = m.events().size();
      scriptCollision(which, taken.getLocalPort());

      ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);

      SupervisorEvent restarted = m.events().await("RESTARTED after SIGKILL", from,
          e -> e.type() == SupervisorEventType.RESTARTED, Duration.ofSeconds(60));
      List<SupervisorEvent> after = m.events().since(from);
      assertThat(after).noneMatch(e -> e.type() == SupervisorEventType.RESTART_FAILED);
      assertThat(restarted.attempt()).isEqualTo(1);
      assertThat(m.answersRpc(Duration.ofSeconds(5))).isTrue();
    }
  }

  private TemporalManager manager() {
    return TemporalManager.builder()
        .backend(TestBackends.cliWithAuxiliaryPorts(cli, () -> {
          Integer next = scripted.poll();
          return next != null ? next : FreePorts.pick();
        }))
        .startupTimeout(Duration.ofSeconds(60)).stopGracePeriod(Duration.ofSeconds(5)).build();
  }

  private void scriptCollision(int which, int takenPort) {
    if (which == 1) {
      scripted.add(FreePorts.pick());
    }
    scripted.add(takenPort);
  }
}
