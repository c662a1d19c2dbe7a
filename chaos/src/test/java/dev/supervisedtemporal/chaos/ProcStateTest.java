package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStateTest {

  @Test
  void readsTheStateOfThisJvmAndNothingForAMissingPid() {
    assertThat(ProcState.of(ProcessHandle.current().pid())).get().isIn('R', 'S');
    assertThat(ProcState.of(Integer.MAX_VALUE)).isEmpty();
  }
}
