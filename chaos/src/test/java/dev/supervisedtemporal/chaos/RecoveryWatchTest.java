package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The recovery wait's failure, without a server: what it awaited and what it saw last. */
class RecoveryWatchTest {

  @Test
  void aServerThatNeverAnswersTimesOutNamingTheFaultAndWhatAnswered() {
    try (TemporalManager external = TemporalManager.builder().backend(BackendKind.EXTERNAL)
        .target("127.0.0.1:1").build()) {
      ChaosEvents events = new ChaosEvents();
      FaultRegistry registry = new FaultRegistry(external, events);
      Fault fault = registry.inject(FaultKind.SUSPEND, f -> "nothing really");
      RecoveryWatch watch = new RecoveryWatch(external, events);
      watch.watchClient(timeout -> true);
      assertThatThrownBy(() -> watch.await(fault, Duration.ofMillis(50)))
          .isInstanceOf(AwaitTimeoutException.class)
          .hasMessage("awaited recovery from " + fault.id() + " for 50 ms; last observed: "
              + "probe has not answered; the user's client answered");
      assertThat(events.ofType(ChaosEventType.CLIENT_RECOVERED)).singleElement()
          .satisfies(e -> assertThat(e.faultId()).isEqualTo(fault.id()));
      assertThat(events.ofType(ChaosEventType.RPC_RECOVERED)).isEmpty();
      registry.healAll();
    }
  }
}
