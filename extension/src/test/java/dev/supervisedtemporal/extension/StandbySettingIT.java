package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Standby;
import dev.supervisedtemporal.lifecycle.Await;
import dev.supervisedtemporal.lifecycle.StandbyMode;
import dev.supervisedtemporal.lifecycle.backend.EmbeddedBackend;
import dev.supervisedtemporal.lifecycle.backend.LaunchSpec;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.ProcessSpawner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * The {@code standby} and {@code standbyCount} settings: a bad value and the CLI backend fail the
 * class before anything starts; standbys that live during the class are no leak, one left after
 * it is.
 */
class StandbySettingIT {

  /** The line a standby's log prints once it is warm (the launcher's {@code STANDBY_WARM}). */
  static final String STANDBY_WARM = "supervised-temporal: standby warm";

  static final AtomicLong STANDBY_PID = new AtomicLong();
  static final AtomicReference<Process> STRAY = new AtomicReference<>();
  static final AtomicReference<List<Long>> POOL = new AtomicReference<>(List.of());

  @Test
  void aBadValueNamesTheAttributeAndTheAcceptedValues() {
    assertConfigurationFailure(FixtureRunner.run(Map.of("supervised.temporal.standby", "warm"),
        NoStandby.class),
        "configuration parameter supervised.temporal.standby = \"warm\" is not a standby mode; "
            + "accepted: off, on, after-first-restart (embedded backend only)");
  }

  @Test
  void aBadCountNamesTheAttributeAndTheAcceptedValues() {
    assertConfigurationFailure(FixtureRunner.run(Map.of(), BadStandbyCount.class),
        "@WithSupervisedTemporal(standbyCount = 9) is out of range; accepted: an integer "
            + "1-8: warm standbys kept at once, with standby on or after-first-restart");
  }

  @Test
  void aCountWithoutAStandbyFailsTheClassNamingTheKey() {
    assertConfigurationFailure(FixtureRunner.run(Map.of("supervised.temporal.standby-count", "2"),
        NoStandby.class),
        "configuration parameter supervised.temporal.standby-count = \"2\" cannot be used: "
            + "standbyCount = 2 needs a standby, but standby = off; accepted: standby = on or "
            + "after-first-restart with it, or no standbyCount");
  }

  @Test
  void aPoolDuringTheClassIsNoLeakAndAllOfItIsGoneAfterIt() {
    EngineExecutionResults results = FixtureRunner.run(Map.of(), WithStandbyPool.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    assertThat(POOL.get()).hasSize(2);
    for (long pid : POOL.get()) {
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid %d", pid)
          .isEmpty();
    }
  }

  @Test
  void theCliBackendRefusesAStandbyBeforeAnythingStarts() throws Exception {
    Path fakeCli = Files.createTempFile("temporal", "");
    try {
      fakeCli.toFile().setExecutable(true);
      assertConfigurationFailure(FixtureRunner.run(Map.of("supervised.temporal.cli",
          fakeCli.toString(), "supervised.temporal.standby", "on"), CliStandby.class),
          "configuration parameter supervised.temporal.standby = \"on\" cannot be used: standby "
              + "= on needs a backend that starts a server without binding its port, but backend "
              + "= cli; accepted: off with this backend, or backend = embedded");
    } finally {
      Files.deleteIfExists(fakeCli);
    }
  }

  @Test
  void aStandbyDuringTheClassIsNoLeakAndIsGoneAfterIt() {
    EngineExecutionResults results = FixtureRunner.run(Map.of(), WithStandby.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    assertThat(STANDBY_PID.get()).isPositive();
    assertThat(ProcessHandle.of(STANDBY_PID.get()).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void aStandbyLeftAfterTheClassFailsItAndIsNamed() throws Exception {
    try {
      EngineExecutionResults results = FixtureRunner.run(Map.of(), LeavesAStandby.class);
      results.testEvents().failed().stream()
          .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
          .findFirst().ifPresent(e -> {
            throw new AssertionError("the fixture could not leave a standby behind", e);
          });
      Throwable failure = results.containerEvents().failed().stream()
          .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
          .findFirst().orElseThrow(() -> new AssertionError("the leaky class did not fail"));
      assertThat(failure).isInstanceOf(AssertionFailedError.class)
          .hasMessageContaining("left behind:")
          .hasMessageContaining("standby process pid " + STRAY.get().pid());
    } finally {
      Process stray = STRAY.get();
      if (stray != null) {
        stray.destroyForcibly();
        stray.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static String logText(Path log) {
    try {
      return new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertConfigurationFailure(EngineExecutionResults results, String message) {
    results.testEvents().assertStatistics(stats -> stats.started(0));
    Throwable failure = results.containerEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .findFirst().orElseThrow(() -> new AssertionError("the fixture class did not fail"));
    assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage(message);
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
  }

  // ------------------------------------------------------------ fixtures: run only via the kit

  @WithSupervisedTemporal(backend = Backend.EMBEDDED, standby = Standby.ON, standbyCount = 9)
  static class BadStandbyCount {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED)
  static class NoStandby {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED, standby = Standby.ON, standbyCount = 2)
  static class WithStandbyPool {
    @Test
    void twoStandbysWait(SupervisedTemporal temporal) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (temporal.manager().standbyIdentities().size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(temporal.manager().standby().count()).isEqualTo(2);
      POOL.set(temporal.manager().standbyIdentities().stream().map(ProcessIdentity::pid)
          .toList());
      assertThat(POOL.get()).hasSize(2);
    }
  }

  @WithSupervisedTemporal(backend = Backend.CLI)
  static class CliStandby {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED, standby = Standby.ON)
  static class WithStandby {
    @Test
    void aStandbyWaits(SupervisedTemporal temporal) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (temporal.manager().standbyIdentity().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      ProcessIdentity standby = temporal.manager().standbyIdentity().orElseThrow();
      assertThat(temporal.manager().standby().mode()).isEqualTo(StandbyMode.ON);
      STANDBY_PID.set(standby.pid());
    }
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED)
  static class LeavesAStandby {
    @Test
    void spawnsAStandbyNoManagerOwns(SupervisedTemporal temporal) throws Exception {
      List<String> command = temporal.manager().backend().standbyCommand(new LaunchSpec(
          temporal.port(), temporal.manager().stateDir(), "default", false)).orElseThrow();
      Path log = temporal.manager().stateDir().resolve("stray.log");
      Process stray = ProcessSpawner.spawnWithInput(command, temporal.manager().stateDir(), log);
      STRAY.set(stray);
      // A standby left behind has long been warm. Right after the spawn it may still be exec'ing
      // through its wrapper, or its JVM may still be starting in the state dir that closing the
      // class deletes (a JVM whose working directory vanishes during start exits with 1).
      Await.until("the stray standby to be warm").atMost(Duration.ofSeconds(30))
          .until(() -> logText(log).contains(STANDBY_WARM));
      assertThat(ProcessIdentity.of(stray.pid()).map(ProcessIdentity::commandLine)
          .filter(c -> EmbeddedBackend.isStandbyFor(c, temporal.port()))).isPresent();
    }
  }
}
