package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.Await;
import dev.supervisedtemporal.lifecycle.AwaitTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Retries the user's {@link WorkerCheck} after one fault on its own thread until it first
 * succeeds or the deadline passes, so that a slow check never delays the probe's and the
 * client's figures. The first success is recorded by the given recorder (it publishes
 * {@link ChaosEventType#WORKER_RECOVERED}) at the moment it happens.
 *
 * <p>Owned by one {@link RecoveryWatch#await} call, which {@linkplain #close closes} it on
 * every path: closing stops the retries, interrupts a running try and waits for the thread.
 */
final class WorkerCheckRun implements AutoCloseable {

  /** The pause between two failed tries. */
  static final Duration PAUSE = Duration.ofMillis(50);
  /** How long {@link #close} waits for a try that ignores the interrupt. */
  private static final Duration JOIN = Duration.ofSeconds(5);

  private final WorkerCheck check;
  private final long deadline;
  private final LongSupplier recorder;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile boolean done;
  private volatile long doneAt;
  private volatile int tries;
  private volatile String lastFailure;

  private WorkerCheckRun(WorkerCheck check, long deadline, LongSupplier recorder,
      String faultId) {
    this.check = check;
    this.deadline = deadline;
    this.recorder = recorder;
    this.thread = new Thread(this::retry, "supervised-temporal-worker-check-" + faultId);
    thread.setDaemon(true);
  }

  /**
   * Starts retrying the check on a new daemon thread until {@code deadline} (a
   * {@link System#nanoTime()}); {@code recorder} records the first success and returns its time.
   */
  static WorkerCheckRun start(WorkerCheck check, String faultId, long deadline,
      LongSupplier recorder) {
    WorkerCheckRun run = new WorkerCheckRun(check, deadline, recorder, faultId);
    run.thread.start();
    return run;
  }

  /** Whether a try has succeeded. */
  boolean done() {
    return done;
  }

  /** The {@link System#nanoTime()} of the first success; only meaningful when {@link #done}. */
  long doneAt() {
    return doneAt;
  }

  private void retry() {
    try {
      Await.until("the user's worker to complete work").atMost(remaining())
          .pollInterval(PAUSE).until(this::tryOnce);
    } catch (AwaitTimeoutException | CancellationException e) {
      // The owner reports the timeout (or its own cancellation) with toString() as last seen.
    }
  }

  private boolean tryOnce() {
    if (stopped) {
      throw new CancellationException("the recovery wait ended");
    }
    Duration left = remaining();
    tries++;
    try {
      check.run(left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while the user's worker was checked");
    } catch (Exception | AssertionError e) {
      lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? ""
          : ": " + e.getMessage());
      return false;
    }
    if (stopped) {
      return false; // the wait is over; a late success is not recorded
    }
    doneAt = recorder.getAsLong();
    done = true;
    return true;
  }

  private Duration remaining() {
    return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
  }

  /** Stops the retries, interrupts a running try and waits (bounded) for the thread to end. */
  @Override
  public void close() {
    stopped = true;
    if (thread.isAlive()) {
      thread.interrupt();
      try {
        thread.join(JOIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** What the worker did so far, for a timeout message. */
  @Override
  public String toString() {
    if (done) {
      return "the user's worker completed work";
    }
    String failure = lastFailure;
    return "the user's worker has not completed work (" + tries + (tries == 1 ? " try" : " tries")
        + (failure == null ? "" : "; last failure: " + failure) + ")";
  }
}
