package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisedtemporal.chaos.FaultRefusedException;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.SupervisorEvents;
import dev.supervisedtemporal.lifecycle.backend.BackendDiscovery;
import dev.supervisedtemporal.lifecycle.backend.FreePorts;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The external backend end to end: a CLI dev server started outside the harness is watched by
 * an annotated class, which runs a workflow on it, sees chaos refused, and sees the server
 * reported unhealthy (never restarted) when it dies.
 */
class ExternalBackendIT {

  /** The server the outer test started; the fixture's last test kills it. */
  private static volatile Process external;

  @Test
  void anAnnotatedClassWatchesAServerItDoesNotOwn(@TempDir Path dir) throws Exception {
    Optional<Path> cli = BackendDiscovery.findCli();
    assumeTrue(cli.isPresent(), "Temporal CLI not installed (run scripts/install-temporal-cli): "
        + "no external server to watch");
    int port = FreePorts.pick();
    List<String> command = List.of(cli.get().toString(), "server", "start-dev",
        "--ip", "127.0.0.1", "--port", Integer.toString(port),
        "--http-port", Integer.toString(FreePorts.pick()),
        "--metrics-port", Integer.toString(FreePorts.pick()),
        "--headless", "--log-level", "warn");
    Path log = dir.resolve("external.log");
    external = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      EngineExecutionResults results = FixtureRunner.run(
          Map.of("supervised.temporal.target", "127.0.0.1:" + port), WatchedExternal.class);
      results.allEvents().failed().stream().forEach(e -> System.out.println("[external] " + e));
      results.containerEvents().assertStatistics(stats -> stats.failed(0).aborted(0));
      results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
      assertThat(external.isAlive()).as("the fixture killed the external server").isFalse();
    } finally {
      external.destroyForcibly();
      assertThat(external.waitFor(10, TimeUnit.SECONDS)).isTrue();
      System.out.println("[external] server log:\n" + Files.readString(log));
    }
  }

  /** Echoes its input. */
  @WorkflowInterface
  public interface Echo {
    /** Returns the text. */
    @WorkflowMethod
    String echo(String text);
  }

  /** The echo workflow. */
  public static class EchoImpl implements Echo {
    @Override
    public String echo(String text) {
      return "echo " + text;
    }
  }

  // ------------------------------------------------------------ fixture: run only via the kit

  @WithSupervisedTemporal(backend = Backend.EXTERNAL, checkInterval = "200ms",
      probeTimeout = "300ms")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class WatchedExternal {

    @Test
    @Order(1)
    void runsAWorkflow(WorkflowClient client) throws InterruptedException {
      WorkerFactory factory = WorkerFactory.newInstance(client);
      factory.newWorker("external").registerWorkflowImplementationTypes(EchoImpl.class);
      factory.start();
      try {
        Echo echo = client.newWorkflowStub(Echo.class, WorkflowOptions.newBuilder()
            .setTaskQueue("external").setWorkflowId("echo-" + UUID.randomUUID())
            .setWorkflowRunTimeout(Duration.ofSeconds(60)).build());
        assertThat(echo.echo("hi")).isEqualTo("echo hi");
      } finally {
        factory.shutdownNow();
        factory.awaitTermination(10, TimeUnit.SECONDS);
      }
    }

    @Test
    @Order(2)
    void chaosIsRefused(SupervisedTemporal temporal) {
      assertThat(temporal.pid()).isEqualTo(-1);
      assertThatThrownBy(() -> temporal.chaos().kill())
          .isInstanceOf(FaultRefusedException.class)
          .hasMessageContaining("KILL refused")
          .hasMessageContaining("external backend");
    }

    @Test
    @Order(3)
    void aDeadServerIsReportedUnhealthyAndNotRestarted(SupervisorEvents events) throws Exception {
      int from = events.size();
      external.destroyForcibly();
      assertThat(external.waitFor(10, TimeUnit.SECONDS)).isTrue();
      SupervisorEvent unhealthy = events.await("UNHEALTHY after the external server died", from,
          e -> e.type() == SupervisorEventType.UNHEALTHY, Duration.ofSeconds(30));
      assertThat(unhealthy.detail()).contains("watched only: not restarted");
      // Several more checks find it still dead; none of them leads to a restart.
      AtomicInteger failedTicks = new AtomicInteger();
      events.await("three failed checks after UNHEALTHY", events.snapshot().indexOf(unhealthy),
          e -> e.type() == SupervisorEventType.TICK && !e.healthy()
              && failedTicks.incrementAndGet() >= 3, Duration.ofSeconds(30));
      assertThat(events.count(SupervisorEventType.RESTART_ATTEMPT)).isZero();
      assertThat(events.count(SupervisorEventType.RESTARTED)).isZero();
      assertThat(events.count(SupervisorEventType.UNHEALTHY)).isEqualTo(1);
    }
  }
}
