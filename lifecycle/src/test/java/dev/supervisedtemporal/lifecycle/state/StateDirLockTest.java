package dev.supervisedtemporal.lifecycle.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirLockTest {

  @TempDir
  Path dir;

  @Test
  void aSecondOwnerInTheSameJvmGetsAClearMessageNotAnOverlappingLockError() {
    try (StateDirLock first = new StateDirLock(dir, "first");
        StateDirLock second = new StateDirLock(dir, "second")) {
      first.acquire();
      first.acquire(); // idempotent for the holder
      assertThat(first.isHeld()).isTrue();
      assertThat(StateDirLock.isLockedByAnyone(dir)).isTrue();
      assertThatThrownBy(second::acquire).isInstanceOf(StateDirLockedException.class)
          .hasMessageContaining("already owned by first in this JVM");
      first.release();
      assertThat(StateDirLock.isLockedByAnyone(dir)).isFalse();
      second.acquire();
      assertThat(second.isHeld()).isTrue();
    }
  }
}
