package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.chaos.Chaos;
import dev.supervisedtemporal.chaos.Fault;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.state.StateDirLockedException;
import java.nio.file.Files;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A garbage pid file and a lock held by another process. The garbage is
 * cleaned with a clear note; the held lock is a clear error naming its holder; both recover.
 */
@ExtendWith(SuiteParametersResolver.class)
@Tag(ScenarioTags.CHAOS)
@DisplayName("stale lock and pid files")
class StaleStateScenario {

  @Test
  void staleFilesAreCleanedAndAHeldLockIsNamed(SuiteParameters run, TestReporter reporter)
      throws Exception {
    try (TemporalManager manager = run.manager().build(); Chaos chaos = Chaos.on(manager)) {
      manager.start();
      manager.stop();
      Files.writeString(manager.pidFile(), "12x4 this is not a pid file");
      manager.start();
      assertThat(manager.staleStateNotes()).singleElement()
          .satisfies(n -> assertThat(n).contains("malformed").contains("nothing signalled"));
      assertThat(manager.isRunning()).isTrue();

      manager.stop();
      long holder;
      try (Fault lock = chaos.holdLockFromAnotherProcess()) {
        holder = lock.helperPid();
        assertThatThrownBy(manager::start).isInstanceOf(StateDirLockedException.class)
            .hasMessageContaining("pid=" + holder);
        assertThat(manager.pid()).isEqualTo(-1);
      }
      manager.start();
      assertThat(manager.isRunning()).isTrue();
      KeyTiming.publish(reporter, "garbage pid file cleaned; lock holder pid " + holder
          + " named; started after release");
    }
  }
}
