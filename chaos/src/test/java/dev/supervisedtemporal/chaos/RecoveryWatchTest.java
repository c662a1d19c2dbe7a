package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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

  @Test
  void aWorkerCheckThatNeverSucceedsIsNamedWithItsLastFailureAndItsThreadEnds() {
    try (TemporalManager external = TemporalManager.builder().backend(BackendKind.EXTERNAL)
        .target("127.0.0.1:1").build()) {
      ChaosEvents events = new ChaosEvents();
      FaultRegistry registry = new FaultRegistry(external, events);
      Fault fault = registry.inject(FaultKind.SUSPEND, f -> "nothing really");
      RecoveryWatch watch = new RecoveryWatch(external, events);
      AtomicInteger tries = new AtomicInteger();
      watch.watchWorker(timeout -> {
        tries.incrementAndGet();
        throw new IllegalStateException("no worker polls queue q");
      });
      assertThatThrownBy(() -> watch.await(fault, Duration.ofMillis(300)))
          .isInstanceOf(AwaitTimeoutException.class)
          .hasMessageStartingWith("awaited recovery from " + fault.id() + " for 300 ms; "
              + "last observed: probe has not answered; the user's worker has not completed "
              + "work (")
          .hasMessageEndingWith("last failure: IllegalStateException: no worker polls queue q)");
      assertThat(tries).as("tries with a pause between them").hasValueGreaterThan(1);
      assertThat(events.ofType(ChaosEventType.WORKER_RECOVERED)).isEmpty();
      assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
          .noneMatch(n -> n.equals("supervised-temporal-worker-check-" + fault.id()));
      registry.healAll();
    }
  }

  @Test
  void theWorkersFirstSuccessIsRecordedWhenItHappensEvenWhileTheProbeFails() {
    try (TemporalManager external = TemporalManager.builder().backend(BackendKind.EXTERNAL)
        .target("127.0.0.1:1").build()) {
      ChaosEvents events = new ChaosEvents();
      FaultRegistry registry = new FaultRegistry(external, events);
      Fault fault = registry.inject(FaultKind.SUSPEND, f -> "nothing really");
      RecoveryWatch watch = new RecoveryWatch(external, events);
      AtomicInteger tries = new AtomicInteger();
      watch.watchWorker(timeout -> {
        if (tries.incrementAndGet() < 3) {
          throw new IllegalStateException("not yet");
        }
      });
      assertThatThrownBy(() -> watch.await(fault, Duration.ofMillis(500)))
          .isInstanceOf(AwaitTimeoutException.class)
          .hasMessageEndingWith("probe has not answered; the user's worker completed work");
      assertThat(tries).as("no try after the first success").hasValue(3);
      assertThat(events.ofType(ChaosEventType.WORKER_RECOVERED)).singleElement()
          .satisfies(e -> assertThat(e.faultId()).isEqualTo(fault.id()))
          .satisfies(e -> assertThat(e.nanoTime()).isGreaterThan(fault.injectedNanos()));
      registry.healAll();
    }
  }
}
