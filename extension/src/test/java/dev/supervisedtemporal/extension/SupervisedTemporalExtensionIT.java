package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import dev.supervisedtemporal.chaos.Chaos;
import dev.supervisedtemporal.chaos.ChaosEvent;
import dev.supervisedtemporal.chaos.ChaosEventType;
import dev.supervisedtemporal.chaos.Fault;
import dev.supervisedtemporal.events.TimingEvent;
import dev.supervisedtemporal.events.TimingEventFile;
import dev.supervisedtemporal.events.TimingEventReader;
import dev.supervisedtemporal.events.TimingEventType;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.SupervisorEvents;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs one annotated fixture class (a real embedded server) through the JUnit Platform and checks
 * what its tests saw: a healthy server, working injected clients, a restart after a kill, a shared
 * server in a {@code @Nested} class, diagnostics on a failing test, timing events, no leaks.
 */
class SupervisedTemporalExtensionIT {

  static final Map<String, Object> SEEN = new ConcurrentHashMap<>();
  static EngineExecutionResults results;

  @BeforeAll
  static void runFixture() {
    results = FixtureRunner.run(Map.of(), Fixture.class);
  }

  @Test
  void runsOnTheExpectedJUnit(TestReporter reporter) {
    JUnitRuntimeTest.check(reporter); // the junit6 executions run these on JUnit 6
  }

  @Test
  void injectedClientsWorkAndTheServerIsHealthy() {
    assertSucceeded("clientsWork");
    assertThat((String) SEEN.get("target")).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(SEEN.get("workflowId")).isEqualTo("extension-it-1");
  }

  @Test
  void aKilledServerComesBackUnderANewPid() {
    assertSucceeded("killedServerComesBack");
    assertThat(SEEN.get("pidAfter")).isNotEqualTo(SEEN.get("pidBefore"));
  }

  @Test
  void nestedClassesShareTheEnclosingServer() {
    assertSucceeded("sharesTheServer");
    assertThat(SEEN.get("nestedTarget")).isEqualTo(SEEN.get("target"));
  }

  @Test
  void aFailingTestGetsTheLogTailAndTimelineInItsReport() throws Exception {
    Event failed = results.testEvents().failed().stream().findFirst().orElseThrow();
    assertThat(failed.getTestDescriptor().getDisplayName()).startsWith("failsOnPurpose");
    List<ReportEntry> entries = results.allEvents().reportingEntryPublished().stream()
        .filter(e -> e.getTestDescriptor().equals(failed.getTestDescriptor()))
        .map(e -> e.getRequiredPayload(ReportEntry.class)).toList();
    assertThat(entries).hasSize(1);
    Map<String, String> entry = entries.get(0).getKeyValuePairs();
    assertThat(entry.get(Diagnostics.EVENTS)).contains("RESTARTED", "healthy ticks not shown");
    assertThat(entry.get(Diagnostics.LOG_TAIL)).isNotBlank();
    assertThat(entry.get(Diagnostics.HEALTH)).contains("HealthReport");
    List<FileEntry> files = results.allEvents().fileEntryPublished().stream()
        .filter(e -> e.getTestDescriptor().equals(failed.getTestDescriptor()))
        .map(e -> e.getRequiredPayload(FileEntry.class)).toList();
    assertThat(files).extracting(f -> f.getPath().getFileName().toString())
        .containsExactlyInAnyOrder(Diagnostics.LOG_FILE, Diagnostics.EVENTS_FILE);
    assertThat(files).allSatisfy(f -> assertThat(f.getPath()).isNotEmptyFile());
  }

  @Test
  void theClassPassesItsLeakCheckAndWritesItsTimingEvents() throws Exception {
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    results.testEvents().assertStatistics(stats -> stats.succeeded(5).failed(1));
    Path file = TimingEventWriter.defaultEventsDir()
        .resolve(TimingEventWriter.fileNameFor(Fixture.class.getName()));
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).contains("\"type\":\"RUN_META\"", "\"checkIntervalMs\":250.0",
        "\"backend\":\"embedded\"", "\"policy\":\"custom\"");
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"SERVER_READY\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"UNHEALTHY\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"RESTARTED\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"FAULT_INJECTED\"",
        "\"fault\":\"KILL\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"RPC_RECOVERED\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"FAULT_HEALED\"",
        "\"fault\":\"SUSPEND\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"RESOURCES\"",
        "\"supervisorThreads\":1"));
    assertThat(lines).noneSatisfy(l -> assertThat(l).contains("\"type\":\"LEAK\""));
    assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"SCENARIO_RESULT\"",
        "\"outcome\":\"FAILED\"", "failsOnPurpose");
    assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("{\"v\":1,\"t\":").endsWith("}"));
  }

  @Test
  void theEventsReaderReadsTheTimingFileAsTheEventTypesDeclareIt() throws Exception {
    Path file = TimingEventWriter.defaultEventsDir()
        .resolve(TimingEventWriter.fileNameFor(Fixture.class.getName()));

    TimingEventFile read = TimingEventReader.readFile(file);

    assertThat(read.scenario()).isEqualTo(Fixture.class.getName());
    assertThat(read.backend()).isEqualTo("embedded");
    assertThat(read.policy()).isEqualTo("custom");
    assertThat(read.meta().number("checkIntervalMs")).isEqualTo(250.0);
    assertThat(read.result().string("outcome")).isEqualTo("FAILED");
    Map<TimingEventType, Integer> counts = new EnumMap<>(TimingEventType.class);
    for (TimingEvent e : read.events()) {
      TimingEventType type = e.knownType().orElseThrow(
          () -> new AssertionError("line " + e.line() + ": unknown type " + e.type()));
      assertThat(type.check(e.fields())).as("line %d of %s", e.line(), file).isEmpty();
      counts.merge(type, 1, Integer::sum);
    }
    assertThat(counts).containsKeys(TimingEventType.RUN_META, TimingEventType.SERVER_READY,
        TimingEventType.STARTED, TimingEventType.TICK, TimingEventType.UNHEALTHY,
        TimingEventType.RESTART_ATTEMPT, TimingEventType.RESTARTED,
        TimingEventType.FAULT_INJECTED, TimingEventType.FAULT_HEALED,
        TimingEventType.RPC_RECOVERED, TimingEventType.CLIENT_RECOVERED,
        TimingEventType.RESOURCES, TimingEventType.SCENARIO_RESULT);
  }

  private static void assertSucceeded(String method) {
    List<Event> finished = results.testEvents().finished().stream()
        .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method)).toList();
    assertThat(finished).hasSize(1);
    TestExecutionResult result = finished.get(0).getRequiredPayload(TestExecutionResult.class);
    assertThat(result.getStatus())
        .as("%s: %s", method, result.getThrowable().map(Throwable::toString).orElse(""))
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
  }

  // ------------------------------------------------------------ fixture: run only via the kit

  @WithSupervisedTemporal(backend = Backend.EMBEDDED, checkInterval = "250ms")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Fixture {

    @Test
    @Order(1)
    void clientsWork(SupervisedTemporal temporal, WorkflowServiceStubs stubs,
        WorkflowClient client, SupervisorEvents events) {
      temporal.awaitHealthy(Duration.ofSeconds(30));
      SEEN.put("target", temporal.target());
      assertThat(stubs).isSameAs(temporal.serviceStubs());
      assertThat(events).isSameAs(temporal.events());
      DescribeNamespaceResponse ns = stubs.blockingStub().describeNamespace(
          DescribeNamespaceRequest.newBuilder().setNamespace(temporal.namespace()).build());
      assertThat(ns.getNamespaceInfo().getName()).isEqualTo("default");
      WorkflowStub workflow = client.newUntypedWorkflowStub("NobodyRunsThis",
          WorkflowOptions.newBuilder().setTaskQueue("extension-it")
              .setWorkflowId("extension-it-1").build());
      SEEN.put("workflowId", workflow.start().getWorkflowId());
      assertThat(client.getOptions().getNamespace()).isEqualTo("default");
    }

    @Test
    @Order(2)
    void killedServerComesBack(SupervisedTemporal temporal, Chaos chaos) throws Exception {
      assertThat(chaos).isSameAs(temporal.chaos());
      long before = temporal.pid();
      SEEN.put("pidBefore", before);
      int from = temporal.events().size();
      Fault kill = chaos.kill();
      chaos.awaitRecovery(kill, Duration.ofSeconds(60));
      temporal.events().await("a restart", from,
          e -> e.type() == SupervisorEventType.RESTARTED, Duration.ofSeconds(60));
      // the stubs handed out before the kill (test 1) answer again, and that moment is recorded
      assertThat(chaos.events().ofFault(kill.id())).extracting(ChaosEvent::type)
          .contains(ChaosEventType.RPC_RECOVERED, ChaosEventType.CLIENT_RECOVERED);
      assertThat(temporal.serviceStubs().blockingStub().withDeadlineAfter(10, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())).isNotNull();
      temporal.awaitHealthy(Duration.ofSeconds(30));
      SEEN.put("pidAfter", temporal.pid());
      assertThat(temporal.pid()).isNotEqualTo(before);
    }

    @Test
    @Order(3)
    void leavesAServerSuspended(SupervisedTemporal temporal) {
      Fault pause = temporal.chaos().suspend(); // not closed: the extension must heal it
      SEEN.put("suspendedPid", pause.targetPid());
      // well before the supervisor could replace it: the wait fails the library's one way
      assertThatThrownBy(() -> temporal.awaitHealthy(Duration.ofMillis(200)))
          .isInstanceOf(AwaitTimeoutException.class)
          .hasMessageStartingWith("awaited a healthy Temporal server at " + temporal.target()
              + " (namespace default) answering GetSystemInfo for 200 ms; last observed: health "
              + "report ")
          .hasMessageContaining("; supervisor ").hasMessageContaining("; last events:");
    }

    @Test
    @Order(4)
    void theSuspensionWasHealedAfterTheTest(SupervisedTemporal temporal) throws Exception {
      long pid = (Long) SEEN.get("suspendedPid");
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      assertThat(stat.charAt(stat.lastIndexOf(')') + 2)).isNotEqualTo('T');
      assertThat(temporal.chaos().openFaults()).isEmpty();
      temporal.awaitHealthy(Duration.ofSeconds(30));
    }

    @Test
    @Order(5)
    void failsOnPurpose() {
      fail("on purpose, to see the diagnostics");
    }

    @Nested
    class Inner {
      @Test
      void sharesTheServer(SupervisedTemporal temporal) {
        SEEN.put("nestedTarget", temporal.target());
      }
    }
  }
}
