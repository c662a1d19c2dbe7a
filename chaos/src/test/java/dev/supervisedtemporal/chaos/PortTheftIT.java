package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.Supervisor;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.SupervisorState;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.process.Listener;
import dev.supervisedtemporal.lifecycle.process.PortOwnership;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A helper process takes the port of the killed server, and gives it back. */
class PortTheftIT {

  @Test
  void theThiefHoldsThePortUntilReleasedThenTheSupervisorRecovers() throws Exception {
    PortOwnership ports = new PortOwnership();
    try (TemporalManager manager = Servers.embedded(); Chaos chaos = Chaos.on(manager)) {
      manager.start();
      Servers.ensureSupervised(manager);
      long server = manager.pid();
      int port = manager.port();
      int from = manager.events().size();
      long thief;
      try (Fault theft = chaos.stealPort()) {
        thief = theft.thiefPid();
        assertThat(thief).isPositive().isNotEqualTo(server);
        assertThat(Servers.alive(server)).isFalse();
        List<Listener> listeners = ports.listenersWithOwners(port, Set.of(thief));
        assertThat(listeners).isNotEmpty().allSatisfy(l -> {
          assertThat(l.ownerPid()).isEqualTo(Optional.of(thief));
          assertThat(l.address()).isEqualTo("127.0.0.1");
        });
        manager.events().await("a restart refused because of the thief", from,
            e -> e.type() == SupervisorEventType.PORT_HELD && e.pid() == thief
                && e.detail().contains(Long.toString(thief)), Servers.GENEROUS);
      }
      Servers.awaitGone(thief);
      Fault theft = chaos.events().ofType(ChaosEventType.FAULT_INJECTED).stream()
          .filter(e -> e.fault() == FaultKind.STEAL_PORT).findFirst()
          .map(e -> e.faultId()).map(id -> chaos.openFaults().stream()
              .filter(f -> f.id().equals(id)).findFirst().orElse(null)).orElse(null);
      assertThat(theft).as("the theft is healed, so no longer open").isNull();
      Servers.awaitRpc(manager);
      assertThat(manager.answersRpc(Servers.GENEROUS)).isTrue();
      assertThat(ports.listenersWithOwners(port, Set.of(manager.pid())))
          .allSatisfy(l -> assertThat(l.ownerPid()).hasValue(manager.pid()));
      assertThat(chaos.events().ofType(ChaosEventType.FAULT_HEALED)).singleElement()
          .satisfies(e -> assertThat(e.detail()).contains("released"));
    }
  }

  /**
   * A theft three times longer than the restart-intensity window (3 restarts per 2 s) is waited
   * out: no failed restart, no GAVE_UP, and the server is back within one capped backoff step
   * (plus its start) of the port being freed.
   */
  @Test
  void aTheftLongerThanTheIntensityWindowIsWaitedOutNotGivenUpOn() throws Exception {
    Duration maxBackoff = Duration.ofMillis(800);
    SupervisorPolicy policy = SupervisorPolicy.recommended().toBuilder()
        .checkInterval(Duration.ofMillis(200)).probeTimeout(Duration.ofMillis(500))
        .backoff(Duration.ofMillis(100), maxBackoff, 2.0, 0.2)
        .restartIntensity(3, Duration.ofSeconds(2)).build();
    try (TemporalManager manager = Servers.embedded(); Chaos chaos = Chaos.on(manager)) {
      manager.start();
      Supervisor supervisor = manager.startSupervisor(policy);
      int from = manager.events().size();
      long thief;
      long freedAt;
      try (Fault theft = chaos.stealPort()) {
        thief = theft.thiefPid();
        Thread.sleep(6_000); // the theft lasts three intensity windows
        assertThat(supervisor.state()).isEqualTo(SupervisorState.RECOVERING);
      } finally {
        freedAt = System.nanoTime();
      }
      SupervisorEvent restarted = manager.events().await("RESTARTED after the thief let go",
          from, e -> e.type() == SupervisorEventType.RESTARTED, Servers.GENEROUS);
      List<SupervisorEvent> all = manager.events().since(from);
      long held = all.stream().filter(e -> e.type() == SupervisorEventType.PORT_HELD).count();
      double backMs = (restarted.nanoTime() - freedAt) / 1e6;
      System.out.printf("[measured] 6 s theft: %d PORT_HELD events, port freed -> RESTARTED "
          + "%.0f ms (spawn -> ready %d ms)%n", held, backMs,
          restarted.duration().toMillis());
      assertThat(all).noneMatch(e -> e.type() == SupervisorEventType.GAVE_UP
          || e.type() == SupervisorEventType.RESTART_FAILED);
      assertThat(held).as("refusals while the thief held the port").isGreaterThan(3);
      assertThat(all).filteredOn(e -> e.type() == SupervisorEventType.PORT_HELD)
          .allSatisfy(e -> assertThat(e.pid()).isEqualTo(thief));
      assertThat(supervisor.state()).isEqualTo(SupervisorState.RUNNING);
      // within one backoff step (at most 800 ms + 20 % jitter) plus slack for a busy machine
      assertThat(restarted.nanoTime() - freedAt - restarted.duration().toNanos())
          .as("port freed -> the restart that succeeded began")
          .isLessThan(maxBackoff.multipliedBy(6).toNanos() / 5 + Duration.ofSeconds(2).toNanos());
      Servers.awaitRpc(manager);
    }
  }
}
