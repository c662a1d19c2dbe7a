package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

  @Test
  void returnsTheFirstObservationTheConditionAccepts() {
    AtomicInteger polls = new AtomicInteger();
    int seen = Await.until("three polls").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(1)).until(polls::incrementAndGet, n -> n >= 3);
    assertThat(seen).isEqualTo(3);
  }

  @Test
  void aTimeoutSaysWhatWasAwaitedForHowLongAndTheLastObservation() {
    AtomicInteger polls = new AtomicInteger();
    assertThatThrownBy(() -> Await.until("the answer to be 42").atMost(Duration.ofMillis(30))
        .pollInterval(Duration.ofMillis(5)).until(() -> "poll " + polls.incrementAndGet(),
            s -> false))
        .isInstanceOfSatisfying(AwaitTimeoutException.class, e -> {
          assertThat(e.awaited()).isEqualTo("the answer to be 42");
          assertThat(e.timeout()).isEqualTo(Duration.ofMillis(30));
          assertThat(e.lastObserved()).isEqualTo("poll " + polls.get());
          assertThat(e).hasMessage("awaited the answer to be 42 for 30 ms; last observed: poll "
              + polls.get());
        });
    assertThat(polls.get()).as("observed at least at the start and at the deadline")
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void settingsAreImmutableAndValidated() {
    Await base = Await.until("x");
    Await longer = base.atMost(Duration.ofMinutes(1));
    assertThat(base.timeout()).isEqualTo(Await.DEFAULT_TIMEOUT);
    assertThat(longer.timeout()).isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> base.atMost(Duration.ZERO))
        .hasMessage("atMost is PT0S; accepted: a positive duration");
    assertThatThrownBy(() -> Await.until(" "))
        .hasMessage("what is blank; accepted: a description of the wait");
  }

  @Test
  void anInterruptEndsTheWaitAndKeepsTheFlag() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Await.until("never").until(() -> false))
          .isInstanceOf(CancellationException.class).hasMessage("interrupted while awaiting never");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
