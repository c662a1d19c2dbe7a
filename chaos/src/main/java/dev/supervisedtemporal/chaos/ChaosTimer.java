package dev.supervisedtemporal.chaos;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs delayed heals ({@link Chaos#hangFor}) on one JVM-wide daemon thread. */
final class ChaosTimer {

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, Chaos.TIMER_THREAD_NAME);
        t.setDaemon(true);
        return t;
      });

  private ChaosTimer() {}

  static ScheduledFuture<?> after(Duration delay, Runnable action) {
    return TIMER.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
