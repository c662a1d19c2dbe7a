package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcStateTest {

  @Test
  void readsTheStateOfThisJvmAndNothingForAMissingPid() {
    assertThat(ProcState.of(ProcessHandle.current().pid())).get().isIn('R', 'S');
    assertThat(ProcState.of(Integer.MAX_VALUE)).isEmpty();
  }

  @Test
  void awaitingTheStateOfAMissingPidEndsAtOnceWithFalse() {
    long start = System.nanoTime();
    assertThat(ProcState.await(Integer.MAX_VALUE, 'T', Duration.ofSeconds(30))).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void awaitingAStateThatNeverComesEndsAtTheTimeoutWithFalse() {
    assertThat(ProcState.await(ProcessHandle.current().pid(), 'Z', Duration.ofMillis(20)))
        .isFalse();
  }
}
