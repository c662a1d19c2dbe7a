package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosEventsTest {

  @Test
  void recordsNotifiesAndHandsOutUniqueIds() throws Exception {
    ChaosEvents events = new ChaosEvents();
    List<ChaosEvent> seen = new ArrayList<>();
    events.subscribe(e -> {
      throw new IllegalStateException("a bad listener must not stop the others");
    });
    events.subscribe(seen::add);
    String a = events.nextFaultId(FaultKind.STEAL_PORT);
    String b = events.nextFaultId(FaultKind.STEAL_PORT);
    assertThat(a).startsWith("steal-port-").isNotEqualTo(b);
    ChaosEvent injected = new ChaosEvent(ChaosEventType.FAULT_INJECTED, System.nanoTime(),
        Instant.now(), a, FaultKind.STEAL_PORT, 1234, 5678, "x");
    events.publish(injected);
    assertThat(seen).containsExactly(injected);
    assertThat(events.await("injected", 0, e -> e.faultId().equals(a), Duration.ofSeconds(5)))
        .isEqualTo(injected);
    assertThat(events.ofFault(b)).isEmpty();
  }
}
