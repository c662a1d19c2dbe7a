package dev.supervisedtemporal.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Runs a supervisor on one named daemon thread of its own. */
final class ThreadScheduler implements SupervisorScheduler {

  private final ScheduledThreadPoolExecutor executor;
  private volatile Thread thread;

  ThreadScheduler(String threadName) {
    this.executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      thread = t;
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    ScheduledFuture<?> future =
        executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void execute(Runnable task) {
    if (!executor.isShutdown()) {
      try {
        executor.execute(task);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // shut down in between: the supervisor is stopping and drops the task
      }
    }
  }

  @Override
  public boolean inSchedulerThread() {
    return Thread.currentThread() == thread;
  }

  @Override
  public boolean shutdown(Duration timeout) throws InterruptedException {
    executor.shutdownNow();
    if (inSchedulerThread()) {
      return true; // it ends when the current task returns
    }
    return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }
}
