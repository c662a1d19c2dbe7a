package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.process.ResidentMemory;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one supervised server for a long time at a fast tick and prints, once a minute, what the
 * host holds: resident memory, heap after a GC, events in memory and events published. Steady
 * figures mean the supervisor's memory does not grow with uptime.
 */
final class EnduranceRun {

  private static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);

  private EnduranceRun() {}

  static int run(BackendKind backend, Duration duration, Duration interval, PrintStream out)
      throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long self = ProcessHandle.current().pid();
    try (TemporalManager manager = TemporalManager.builder().backend(backend).build()) {
      manager.start();
      AtomicLong heard = new AtomicLong();
      manager.events().subscribe(e -> heard.incrementAndGet());
      manager.startSupervisor(SupervisorPolicy.recommended().toBuilder()
          .checkInterval(interval).probeTimeout(interval.multipliedBy(3)).build());
      out.printf("endurance: %s server pid %d, ticks every %d ms for %s; host pid %d%n",
          manager.backend().name(), manager.pid(), interval.toMillis(), duration, self);
      out.println("minute  host RSS MiB  heap after GC MiB  events in memory  events published"
          + "  ticks  healthy now");
      long began = System.nanoTime();
      for (int minute = 0; ; minute++) {
        SupervisorEvents events = manager.events();
        System.gc();
        out.printf("%6d  %12.1f  %17.1f  %16d  %16d  %5d  %s%n", minute,
            ResidentMemory.bytes(self).orElse(-1) / (1024.0 * 1024.0),
            memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0),
            events.snapshot().size(), heard.get(), events.count(SupervisorEventType.TICK),
            manager.answersRpc(Duration.ofSeconds(2)));
        long left = began + duration.toNanos() - System.nanoTime();
        if (left <= 0) {
          break;
        }
        Thread.sleep(Math.min(left, SAMPLE_EVERY.toNanos()) / 1_000_000);
      }
      int restarts = manager.supervisor().map(Supervisor::restartCount).orElse(0);
      out.printf("done: %d restarts, %d ticks, %d dropped from memory%n", restarts,
          manager.events().count(SupervisorEventType.TICK), manager.events().dropped());
    }
    return 0;
  }
}
