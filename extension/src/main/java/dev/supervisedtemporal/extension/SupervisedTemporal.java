package dev.supervisedtemporal.extension;

import static org.apiguardian.api.API.Status.STABLE;

import dev.supervisedtemporal.chaos.Chaos;
import dev.supervisedtemporal.chaos.workload.Workload;
import dev.supervisedtemporal.chaos.workload.WorkloadVerdict;
import dev.supervisedtemporal.lifecycle.Await;
import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import dev.supervisedtemporal.lifecycle.HealthReport;
import dev.supervisedtemporal.lifecycle.ProbeDepth;
import dev.supervisedtemporal.lifecycle.Supervisor;
import dev.supervisedtemporal.lifecycle.SupervisorEvents;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Gives a test access to the supervised Temporal server of its class: address, namespace, pid,
 * ready clients, the supervisor and its event log.
 *
 * <p>Injected as a parameter by {@link SupervisedTemporalExtension}. The clients are created on
 * first use and shut down after the class, before the server stops.
 */
@API(status = STABLE, since = "0.1.0")
public final class SupervisedTemporal {

  private static final Duration POLL = Duration.ofMillis(50);

  private final ServerSession session;

  SupervisedTemporal(ServerSession session) {
    this.session = session;
  }

  /** {@code 127.0.0.1:PORT} (or the external target): the address clients use. */
  public String target() {
    return session.manager().target();
  }

  /** The namespace the clients are bound to. */
  public String namespace() {
    return session.manager().namespace();
  }

  /** The server's port; stable across restarts. */
  public int port() {
    return session.manager().port();
  }

  /** The current server's pid, or -1 when none runs (or for an external server). */
  public long pid() {
    return session.manager().pid();
  }

  /**
   * The kind of server that runs: {@code EMBEDDED}, {@code CLI} or {@code EXTERNAL}, never
   * {@code AUTO} (for AUTO, the one it chose).
   */
  public BackendKind backend() {
    return BackendKind.parse("backend", session.manager().backend().name());
  }

  /**
   * The class's Temporal workers: those declared with {@link WithWorker} or the builder, and a
   * way to start more. All are shut down after the class, before the server stops.
   */
  public TemporalWorkers workers() {
    return session.workers();
  }

  /** The manager that owns the server, for what this handle does not offer. */
  public TemporalManager manager() {
    return session.manager();
  }

  /** The supervisor the extension started. */
  public Supervisor supervisor() {
    Supervisor s = session.supervisor();
    if (s == null) {
      throw new IllegalStateException("no supervisor: the setup of " + session.scenario()
          + " did not get that far");
    }
    return s;
  }

  /** The supervisor's timestamped event log. */
  public SupervisorEvents events() {
    return session.manager().events();
  }

  /** Service stubs for {@link #target()}, created on first use, shut down after the class. */
  public WorkflowServiceStubs serviceStubs() {
    return session.serviceStubs();
  }

  /** A {@link WorkflowClient} bound to {@link #namespace()}, created on first use. */
  public WorkflowClient workflowClient() {
    return session.workflowClient();
  }

  /** The last {@code lines} lines of the server's log (stdout and stderr). */
  public List<String> logTail(int lines) {
    return session.logTail(lines);
  }

  /**
   * The fault injector for this server, created on first use. Faults still open when a test
   * ends are healed then; all are healed before the server stops.
   */
  public Chaos chaos() {
    return session.chaos();
  }

  /**
   * Runs your workload with {@link #workflowClient()} while its fault schedule hits this server
   * through {@link #chaos()}, and returns the checked verdict. The run's units, checks and verdict
   * become timing events of this class ({@code WORKLOAD_UNIT}, {@code WORKLOAD_CHECK},
   * {@code WORKLOAD_VERDICT}), which the report draws next to the faults and supervisor events.
   *
   * <pre>{@code
   * temporal.run(Workload.of("payments", String.class, starter).rate(20)
   *     .duration(Duration.ofSeconds(30)).faults(ChaosSchedule.seeded(7).faults(FaultKind.KILL)))
   *     .assertPassed();
   * }</pre>
   */
  public WorkloadVerdict run(Workload<?> workload) throws InterruptedException {
    WorkloadVerdict verdict = workload.run(workflowClient(), chaos());
    session.recordWorkload(verdict);
    return verdict;
  }

  /**
   * Waits until the server is healthy (every health layer passes, gRPC health answers SERVING)
   * and answers a real client RPC ({@code GetSystemInfo}). Waits the project's one way
   * ({@link Await}), so a timeout fails the test like every other wait of the library.
   *
   * @param timeout how long to wait at most; positive
   * @return the health report that passed
   * @throws AwaitTimeoutException on timeout, naming what was awaited and the last observation:
   *     the health report, whether GetSystemInfo answered, the supervisor's state and its last
   *     events
   * @throws java.util.concurrent.CancellationException when the thread is interrupted (its
   *     interrupt flag stays set)
   */
  public HealthReport awaitHealthy(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    Duration probe = session.settings().policy().probeTimeout();
    return Await.until("a healthy Temporal server at " + target() + " (namespace " + namespace()
            + ") answering GetSystemInfo")
        .atMost(timeout)
        .pollInterval(POLL)
        .until(() -> observeHealth(probe), HealthObservation::serving)
        .report();
  }

  private HealthObservation observeHealth(Duration probe) {
    HealthReport report = manager().health(ProbeDepth.FULL, probe);
    return new HealthObservation(report, report.healthy() && manager().answersRpc(probe));
  }

  /** One look at the server: its health and whether a client RPC answered. */
  private final class HealthObservation {
    private final HealthReport report;
    private final boolean rpc;

    HealthObservation(HealthReport report, boolean rpc) {
      this.report = report;
      this.rpc = rpc;
    }

    HealthReport report() {
      return report;
    }

    boolean serving() {
      return report.healthy() && rpc;
    }

    /** The timeout message's "last observed": health, RPC, supervisor, last events. */
    @Override
    public String toString() {
      Supervisor s = session.supervisor();
      return "health report " + report + (report.healthy() && !rpc ? ", GetSystemInfo failed" : "")
          + "; supervisor " + (s == null ? "none" : s.state()) + "; last events:\n  "
          + String.join("\n  ", events().tail(8).stream().map(Object::toString).toList());
    }
  }

  @Override
  public String toString() {
    return "SupervisedTemporal[" + session.manager() + ", namespace " + namespace() + "]";
  }
}
