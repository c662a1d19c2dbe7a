package dev.supervisedtemporal.lifecycle;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs a supervisor's work on one thread, one task at a time, and tells time.
 *
 * <p>The production implementation is {@link ThreadScheduler}; unit tests inject a virtual-time
 * one, so the supervisor's logic is tested without sleeping.
 */
interface SupervisorScheduler {

  /** Monotonic time in nanoseconds. */
  long nanoTime();

  /** Wall-clock time, for people. */
  Instant now();

  /** Runs the task after the delay, unless cancelled. */
  Cancellable schedule(Runnable task, Duration delay);

  /** Runs the task as soon as the thread is free. */
  void execute(Runnable task);

  /** Whether the caller is the scheduler's own thread. */
  boolean inSchedulerThread();

  /**
   * Cancels everything pending, interrupts a running task, and waits for the thread to end.
   *
   * @return whether the thread ended within the timeout
   */
  boolean shutdown(Duration timeout) throws InterruptedException;

  /** A scheduled task that can be cancelled. */
  interface Cancellable {
    /** Cancels the task if it has not started; idempotent. */
    void cancel();
  }
}
