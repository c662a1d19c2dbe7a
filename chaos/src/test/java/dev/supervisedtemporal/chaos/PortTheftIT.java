package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.process.Listener;
import dev.supervisedtemporal.lifecycle.process.PortOwnership;
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
            e -> e.type() == SupervisorEventType.RESTART_FAILED
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
}
