package dev.supervisedtemporal.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/** Runs a supervisor in virtual time on the test's own thread: no sleeping, fully ordered. */
final class ManualScheduler implements SupervisorScheduler {

  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private record Task(long due, long seq, Runnable body, boolean[] cancelled)
      implements Comparable<Task> {
    @Override
    public int compareTo(Task o) {
      int byDue = Long.compare(due, o.due);
      return byDue != 0 ? byDue : Long.compare(seq, o.seq);
    }
  }

  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private long now = 1_000_000_000L;
  private long seq;
  private boolean shutdown;
  private boolean running;

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public Instant now() {
    return EPOCH.plusNanos(now);
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    boolean[] cancelled = {false};
    if (!shutdown) {
      queue.add(new Task(now + Math.max(0, delay.toNanos()), seq++, task, cancelled));
    }
    return () -> cancelled[0] = true;
  }

  @Override
  public void execute(Runnable task) {
    schedule(task, Duration.ZERO);
  }

  @Override
  public boolean inSchedulerThread() {
    return running;
  }

  @Override
  public boolean shutdown(Duration timeout) {
    shutdown = true;
    queue.clear();
    return true;
  }

  /** Moves virtual time forward, running every task that falls due, in order. */
  void advance(Duration by) {
    long until = now + by.toNanos();
    while (!queue.isEmpty() && queue.peek().due <= until) {
      Task task = queue.poll();
      now = Math.max(now, task.due);
      if (!task.cancelled[0]) {
        running = true;
        try {
          task.body.run();
        } finally {
          running = false;
        }
      }
    }
    now = until;
  }

  /** Lets time pass inside a running task (e.g. a slow restart). */
  void elapse(Duration by) {
    now += by.toNanos();
  }

  boolean isShutdown() {
    return shutdown;
  }
}
