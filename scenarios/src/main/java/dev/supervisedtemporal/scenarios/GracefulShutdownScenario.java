package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.process.PortOwnership;
import dev.supervisedtemporal.lifecycle.state.StateDirLock;
import java.nio.file.Files;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/** Core case 3: after stop, no supervisor thread, no server process, port free, lock released. */
@ExtendWith(SuiteParametersResolver.class)
@Tag(ScenarioTags.CORE_CASE)
@DisplayName("3 graceful shutdown")
class GracefulShutdownScenario {

  @Test
  void stopLeavesNothingBehind(SuiteParameters run, TestReporter reporter) throws Exception {
    try (TemporalManager manager = run.manager().build()) {
      manager.start();
      manager.startSupervisor(run.quickPolicy());
      long pid = manager.pid();
      int port = manager.port();
      String thread = "supervised-temporal-supervisor-" + manager.backend().name() + "-" + port;
      assertThat(threadAlive(thread)).isTrue();

      long began = System.nanoTime();
      manager.stop();
      double took = KeyTiming.ms(System.nanoTime() - began);

      assertThat(threadAlive(thread)).as("supervisor thread " + thread).isFalse();
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("server " + pid)
          .isEmpty();
      assertThat(new PortOwnership().listeners(port)).as("listeners on " + port).isEmpty();
      assertThat(StateDirLock.isLockedByAnyone(manager.stateDir())).as("state dir lock")
          .isFalse();
      assertThat(Files.exists(manager.pidFile())).as("pid file").isFalse();
      assertThat(manager.supervisor()).isEmpty();
      KeyTiming.publish(reporter, String.format("stop took %.0f ms", took));
    }
  }

  static boolean threadAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().equals(name));
  }
}
