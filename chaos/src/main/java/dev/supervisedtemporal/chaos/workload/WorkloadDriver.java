package dev.supervisedtemporal.chaos.workload;

import dev.supervisedtemporal.chaos.Chaos;
import dev.supervisedtemporal.chaos.ChaosEvent;
import dev.supervisedtemporal.chaos.ChaosEventType;
import dev.supervisedtemporal.chaos.ChaosRun;
import dev.supervisedtemporal.chaos.FaultOutcome;
import dev.supervisedtemporal.chaos.ScheduledFault;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.TimeoutFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Runs one {@link Workload}: starts its units, runs its faults, collects the history. */
final class WorkloadDriver<R> {

  /** Extra wait after the last unit's timeout before its outcome is declared TIMED_OUT. */
  private static final Duration GRACE = Duration.ofSeconds(10);
  /** The pause before reading a result again after a transport error. */
  private static final Duration REREAD_PAUSE = Duration.ofMillis(200);
  /**
   * The longest single result read: the SDK retries a failed long poll inside one read with a
   * backoff that grows to a minute, which would hide a result that is long there; a fresh read
   * starts with a fresh backoff.
   */
  private static final Duration READ_SLICE = Duration.ofSeconds(5);
  /** How long the final read of the units without a known outcome may take in all. */
  private static final Duration FINAL_READ = Duration.ofSeconds(30);
  private static final Duration SHUTDOWN = Duration.ofSeconds(30);

  private final Workload<R> workload;
  private final WorkflowClient client;
  private final Chaos chaos;
  private final Map<Integer, Slot> slots = new ConcurrentSkipListMap<>();
  private ScheduledExecutorService rereads;

  WorkloadDriver(Workload<R> workload, WorkflowClient client, Chaos chaos) {
    this.workload = workload;
    this.client = client;
    this.chaos = chaos;
  }

  WorkloadHistory run() throws InterruptedException {
    long t0 = System.nanoTime();
    Instant wall0 = Instant.now();
    rereads = Executors.newSingleThreadScheduledExecutor(named("reread"));
    ExecutorService starters = Executors.newCachedThreadPool(named("start"));
    ExecutorService nemesis = workload.schedule == null ? null
        : Executors.newSingleThreadExecutor(named("faults"));
    ChaosRun faults = null;
    try {
      Future<ChaosRun> pending = nemesis == null ? null
          : nemesis.submit(() -> workload.schedule.run(chaos, workload.faultWindow()));
      if (workload.rate > 0) {
        openLoop(starters, t0);
      } else {
        closedLoop(starters, t0);
      }
      if (pending != null) {
        try {
          faults = pending.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("the fault schedule of workload " + workload.name
              + " failed", e.getCause());
        }
      }
      awaitOutcomes();
      finalRead();
    } finally {
      stop(starters);
      stop(rereads);
      if (nemesis != null) {
        stop(nemesis);
      }
    }
    return history(t0, wall0, faults);
  }

  private void openLoop(ExecutorService starters, long t0) throws InterruptedException {
    for (int i = 0; workload.units == 0 || i < workload.units; i++) {
      long due = t0 + (long) (i * 1e9 / workload.rate);
      if (workload.duration != null && due - t0 >= workload.duration.toNanos()) {
        return;
      }
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      Slot slot = new Slot(i);
      slots.put(i, slot);
      starters.execute(() -> start(slot));
    }
  }

  private void closedLoop(ExecutorService callers, long t0) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < workload.concurrency; c++) {
      running.add(callers.submit(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          int i = next.getAndIncrement();
          if (workload.units > 0 && i >= workload.units || workload.duration != null
              && System.nanoTime() - t0 >= workload.duration.toNanos()) {
            return null;
          }
          Slot slot = new Slot(i);
          slots.put(i, slot);
          start(slot);
          try {
            slot.done.get(workload.unitTimeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
          } catch (TimeoutException e) {
            slot.finish(UnitOutcome.TIMED_OUT, null, "no result within " + workload.unitTimeout);
          }
        }
        return null;
      }));
    }
    for (Future<?> caller : running) {
      try {
        caller.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a caller of workload " + workload.name + " failed",
            e.getCause());
      }
    }
  }

  /** Calls the starter and subscribes to the result; never throws. */
  private void start(Slot slot) {
    slot.startNanos = System.nanoTime();
    WorkflowStub stub;
    try {
      stub = workload.starter.start(slot.index, client);
      if (stub == null) {
        throw new IllegalStateException("the starter returned null instead of a started stub");
      }
      slot.workflowId = stub.getExecution().getWorkflowId();
      slot.acceptedNanos = System.nanoTime();
    } catch (Throwable e) {
      slot.finish(UnitOutcome.REJECTED, null, describe(e));
      return;
    }
    read(slot, stub);
  }

  /**
   * Reads the unit's result; a transport error (the server is down or restarting) is not an
   * outcome: the result is read again until the unit timeout.
   */
  private void read(Slot slot, WorkflowStub stub) {
    long left = workload.unitTimeout.toNanos() - (System.nanoTime() - slot.startNanos);
    if (left <= 0) {
      slot.finish(UnitOutcome.TIMED_OUT, null, "no result within " + workload.unitTimeout
          + (slot.lastError.isEmpty() ? "" : "; last read failed: " + slot.lastError));
      return;
    }
    try {
      long slice = Math.min(left, READ_SLICE.toNanos());
      CompletableFuture<R> result = stub.getResultAsync(slice, TimeUnit.NANOSECONDS,
          workload.resultType);
      result.whenComplete((value, error) -> {
        if (error == null) {
          slot.finish(UnitOutcome.COMPLETED, value, "");
        } else if (slice < left && timedOut(error)) {
          read(slot, stub);
        } else if (isTransient(error)) {
          slot.rereads++;
          slot.lastError = describe(error);
          reread(slot, stub);
        } else {
          slot.finish(classify(error), null, describe(error));
        }
      });
    } catch (RuntimeException e) {
      if (isTransient(e)) {
        slot.lastError = describe(e);
        reread(slot, stub);
      } else {
        slot.finish(classify(e), null, describe(e));
      }
    }
  }

  private void reread(Slot slot, WorkflowStub stub) {
    try {
      rereads.schedule(() -> read(slot, stub), REREAD_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      slot.finish(UnitOutcome.TIMED_OUT, null, "the run ended before the result was known; "
          + "last read failed: " + slot.lastError);
    }
  }

  /**
   * Asks the server, over a connection of its own (the user's may still be backing off), about
   * every accepted unit whose outcome is not known: one the server no longer knows is LOST; for
   * the others the final status is noted.
   */
  private void finalRead() {
    List<Slot> unknown = slots.values().stream()
        .filter(s -> s.outcome == UnitOutcome.TIMED_OUT && !s.workflowId.isEmpty())
        .collect(Collectors.toList());
    if (unknown.isEmpty()) {
      return;
    }
    WorkflowServiceStubs own = WorkflowServiceStubs.newServiceStubs(
        client.getWorkflowServiceStubs().getOptions());
    try {
      long deadline = System.nanoTime() + FINAL_READ.toNanos();
      for (Slot slot : unknown) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          slot.note("final read: not done within " + FINAL_READ);
          continue;
        }
        try {
          DescribeWorkflowExecutionResponse state = own.blockingStub()
              .withDeadlineAfter(Math.min(left, TimeUnit.SECONDS.toNanos(5)), TimeUnit.NANOSECONDS)
              .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace(client.getOptions().getNamespace())
                  .setExecution(WorkflowExecution.newBuilder().setWorkflowId(slot.workflowId))
                  .build());
          slot.note("final read: " + state.getWorkflowExecutionInfo().getStatus().name()
              .replace("WORKFLOW_EXECUTION_STATUS_", ""));
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
            slot.lose("final read: the server does not know the workflow");
          } else {
            slot.note("final read failed: " + e.getStatus().getCode());
          }
        }
      }
    } finally {
      own.shutdownNow();
      own.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private void awaitOutcomes() throws InterruptedException {
    long deadline = System.nanoTime() + workload.unitTimeout.plus(GRACE).toNanos();
    for (Slot slot : slots.values()) {
      long left = deadline - System.nanoTime();
      try {
        slot.done.get(Math.max(0, left), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        slot.finish(UnitOutcome.TIMED_OUT, null, "no result within " + workload.unitTimeout);
      } catch (ExecutionException e) {
        throw new IllegalStateException("unreachable: a unit's completion never fails", e);
      }
    }
  }

  private WorkloadHistory history(long t0, Instant wall0, ChaosRun faults) {
    List<UnitRecord> units = new ArrayList<>();
    long end = t0;
    for (Slot s : slots.values()) {
      List<ActivityAttempt> attempts = workload.recorder == null || s.workflowId.isEmpty()
          ? List.of() : workload.recorder.attemptsOf(s.workflowId);
      units.add(new UnitRecord(s.index, s.workflowId, s.startNanos, s.acceptedNanos,
          s.completedNanos, s.outcome, s.result, s.error, attempts));
      end = Math.max(end, Math.max(s.completedNanos, s.startNanos));
    }
    List<FaultWindow> windows = new ArrayList<>();
    List<ScheduledFault> plan = List.of();
    if (faults != null) {
      plan = faults.plan();
      for (FaultOutcome f : faults.faults()) {
        if (!f.faultId().isEmpty()) {
          windows.add(window(f));
        }
      }
      for (FaultWindow w : windows) {
        end = Math.max(end, w.endNanos());
      }
    }
    String backend = chaos == null ? "unknown" : chaos.manager().backend().name();
    boolean durable = chaos == null || "external".equals(backend)
        || "cli".equals(backend) && chaos.manager().persistent();
    return new WorkloadHistory(workload.name, faults == null ? null : faults.seed(), plan,
        backend, durable, t0, wall0, end, units, windows);
  }

  private FaultWindow window(FaultOutcome f) {
    List<ChaosEvent> events = chaos.events().ofFault(f.faultId());
    long injected = f.injectedNanos();
    long healed = events.stream().filter(e -> e.type() == ChaosEventType.FAULT_HEALED)
        .mapToLong(ChaosEvent::nanoTime).findFirst().orElse(injected);
    long recovered = events.stream().filter(e -> e.type() == ChaosEventType.RPC_RECOVERED)
        .mapToLong(ChaosEvent::nanoTime).findFirst().orElse(healed);
    return new FaultWindow(f.faultId(), f.planned().kind(), injected, Math.max(injected, healed),
        Math.max(healed, recovered));
  }

  /** Whether a read ended because its own timeout passed (the workflow may still be running). */
  static boolean timedOut(Throwable error) {
    Throwable c = error;
    for (int depth = 0; c != null && depth < 32; depth++, c = c.getCause()) {
      if (c instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** Whether reading a result failed for a reason that says nothing about the workflow. */
  static boolean isTransient(Throwable error) {
    Throwable c = error;
    for (int depth = 0; c != null && depth < 32; depth++, c = c.getCause()) {
      if (c instanceof WorkflowFailedException) {
        return false;
      }
      if (c instanceof CancellationException) {
        return true; // a server shutting down cancels the calls it holds; we never cancel reads
      }
      if (c instanceof StatusRuntimeException) {
        Status.Code code = ((StatusRuntimeException) c).getStatus().getCode();
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
            || code == Status.Code.CANCELLED
            || code == Status.Code.RESOURCE_EXHAUSTED || code == Status.Code.ABORTED
            || code == Status.Code.UNKNOWN || code == Status.Code.INTERNAL;
      }
    }
    return false;
  }

  static UnitOutcome classify(Throwable error) {
    Throwable c = error;
    for (int depth = 0; c != null && depth < 32; depth++, c = c.getCause()) {
      if (c instanceof WorkflowNotFoundException || c instanceof StatusRuntimeException
          && ((StatusRuntimeException) c).getStatus().getCode() == Status.Code.NOT_FOUND) {
        return UnitOutcome.LOST;
      }
      if (c instanceof TimeoutException || c instanceof TimeoutFailure) {
        return UnitOutcome.TIMED_OUT;
      }
    }
    return UnitOutcome.FAILED;
  }

  private static String describe(Throwable e) {
    List<String> chain = new ArrayList<>();
    Throwable c = e;
    for (int depth = 0; c != null && depth < 4; depth++, c = c.getCause()) {
      chain.add(c.getClass().getSimpleName()
          + (c.getMessage() == null ? "" : ": " + firstLine(c.getMessage())));
    }
    return chain.stream().distinct().collect(Collectors.joining(" ← "));
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private void stop(ExecutorService pool) throws InterruptedException {
    pool.shutdownNow();
    if (!pool.awaitTermination(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the threads of workload " + workload.name
          + " did not end within " + SHUTDOWN);
    }
  }

  private ThreadFactory named(String role) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "supervised-temporal-workload-" + role + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** One unit while it runs: written by its starter, finished once. */
  private final class Slot {
    final int index;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile long startNanos = -1;
    volatile long acceptedNanos = -1;
    volatile long completedNanos = -1;
    volatile String workflowId = "";
    volatile UnitOutcome outcome;
    volatile Object result;
    volatile String error = "";
    volatile String lastError = "";
    volatile int rereads;

    Slot(int index) {
      this.index = index;
    }

    /** Adds what the final read saw to the error. */
    synchronized void note(String text) {
      error = error.isEmpty() ? text : error + "; " + text;
    }

    /** The final read found the workflow gone. */
    synchronized void lose(String text) {
      outcome = UnitOutcome.LOST;
      note(text);
    }

    synchronized void finish(UnitOutcome how, Object value, String why) {
      if (outcome != null) {
        return;
      }
      completedNanos = System.nanoTime();
      result = value;
      error = why;
      outcome = how;
      done.complete(null);
    }
  }
}
