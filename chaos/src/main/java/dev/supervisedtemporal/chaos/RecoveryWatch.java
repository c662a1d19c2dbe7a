package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.Await;
import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Observes recovery after a fault: the manager's probe ({@link ChaosEventType#RPC_RECOVERED}),
 * and, when they are watched, the user's own client ({@link ChaosEventType#CLIENT_RECOVERED})
 * and worker ({@link ChaosEventType#WORKER_RECOVERED}, checked on its own thread by a
 * {@link WorkerCheckRun}).
 */
final class RecoveryWatch {

  private static final Duration GONE_POLL = Duration.ofMillis(2);
  private static final Duration RPC_POLL = Duration.ofMillis(5);
  private static final Duration RPC_ATTEMPT = Duration.ofSeconds(1);

  private final TemporalManager manager;
  private final ChaosEvents events;
  private volatile Chaos.ClientCheck client;
  private volatile WorkerCheck worker;

  RecoveryWatch(TemporalManager manager, ChaosEvents events) {
    this.manager = manager;
    this.events = events;
  }

  void watchClient(Chaos.ClientCheck check) {
    this.client = check;
  }

  void watchWorker(WorkerCheck check) {
    this.worker = check;
  }

  /**
   * Waits for the probe's (and the watched client's and worker's) first success after the
   * fault; for a kill or terminate, first for the killed server to be gone, so its last answer
   * does not count. The worker is checked on its own thread from then on, so its tries never
   * delay the probe's and the client's figures.
   */
  Recovery await(Fault fault, Duration timeout) {
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(timeout, "timeout");
    String what = "recovery from " + fault.id();
    long deadline = System.nanoTime() + timeout.toNanos();
    Progress progress = new Progress(fault, client, worker);
    try {
      if (fault.kind() == FaultKind.KILL || fault.kind() == FaultKind.TERMINATE) {
        Await.until("server pid " + fault.targetPid() + " to be gone").atMost(timeout)
            .pollInterval(GONE_POLL).until(() -> killedServerServes(fault) ? "still serving"
                : "gone", "gone"::equals);
      }
      progress.startWorker(deadline);
      Await.until(what).atMost(remaining(deadline)).pollInterval(RPC_POLL)
          .until(() -> progress.poll(deadline), Progress::done);
    } catch (AwaitTimeoutException e) {
      throw new AwaitTimeoutException(what, timeout,
          progress.started ? e.lastObserved() : "server pid " + fault.targetPid()
              + " still running as the manager's server");
    } finally {
      progress.stopWorker();
    }
    return new Recovery(fault.id(), Duration.ofNanos(progress.rpcAt - fault.injectedNanos()),
        !progress.clientDone ? Optional.empty()
            : Optional.of(Duration.ofNanos(progress.clientAt - fault.injectedNanos())),
        progress.workerRun == null ? Optional.empty()
            : Optional.of(Duration.ofNanos(progress.workerRun.doneAt() - fault.injectedNanos())));
  }

  private boolean killedServerServes(Fault fault) {
    return ProcessHandle.of(fault.targetPid()).map(ProcessHandle::isAlive).orElse(false)
        && manager.pid() == fault.targetPid();
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
  }

  /** What has answered so far; one {@link #poll} asks each side that has not yet. */
  private final class Progress {
    private final Fault fault;
    private final Chaos.ClientCheck userClient;
    private final WorkerCheck userWorker;
    private WorkerCheckRun workerRun;
    private boolean started;
    private boolean rpcDone;
    private boolean clientDone;
    private long rpcAt;
    private long clientAt;

    Progress(Fault fault, Chaos.ClientCheck userClient, WorkerCheck userWorker) {
      this.fault = fault;
      this.userClient = userClient;
      this.userWorker = userWorker;
    }

    /** Starts retrying the watched worker's check, if any, on its own thread. */
    void startWorker(long deadline) {
      if (userWorker != null) {
        workerRun = WorkerCheckRun.start(userWorker, fault.id(), deadline,
            () -> recovered(ChaosEventType.WORKER_RECOVERED, fault,
                "the user's worker completed work"));
      }
    }

    /** Ends the worker's tries, on every path out of the wait. */
    void stopWorker() {
      if (workerRun != null) {
        workerRun.close();
      }
    }

    Progress poll(long deadline) {
      started = true;
      Duration wait = Duration.ofNanos(Math.min(remaining(deadline).toNanos(),
          RPC_ATTEMPT.toNanos()));
      if (!rpcDone && manager.answersRpc(wait)) {
        rpcDone = true;
        rpcAt = recovered(ChaosEventType.RPC_RECOVERED, fault, "GetSystemInfo answered");
      }
      if (userClient != null && !clientDone && userClient.answers(wait)) {
        clientDone = true;
        clientAt = recovered(ChaosEventType.CLIENT_RECOVERED, fault,
            "the user's client answered");
      }
      return this;
    }

    boolean done() {
      return rpcDone && (userClient == null || clientDone)
          && (workerRun == null || workerRun.done());
    }

    @Override
    public String toString() {
      return "probe " + (rpcDone ? "answered" : "has not answered")
          + (userClient == null ? "" : "; the user's client "
              + (clientDone ? "answered" : "has not answered"))
          + (workerRun == null ? "" : "; " + workerRun);
    }
  }

  private long recovered(ChaosEventType type, Fault fault, String what) {
    long now = System.nanoTime();
    events.publish(new ChaosEvent(type, now, Instant.now(), fault.id(), fault.kind(),
        manager.pid(), -1, what + " " + (now - fault.injectedNanos()) / 1_000_000
            + " ms after the fault"));
    return now;
  }
}
