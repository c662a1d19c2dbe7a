package dev.supervisedtemporal.extension;

import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.process.ResidentMemory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What a supervised server cost: the server's resident memory, the supervisor's threads and
 * their CPU time, and the ticks that CPU time paid for.
 *
 * @param rssBytes the server process's resident set, or -1 when unknown
 * @param supervisorThreads live supervisor threads of this server
 * @param supervisorCpuNs CPU time those threads used, or -1 when the JVM cannot tell
 * @param ticks health checks so far
 */
record Resources(long rssBytes, int supervisorThreads, long supervisorCpuNs, long ticks) {

  /** Measures a running server and its supervisor; call before stopping them. */
  static Resources measure(TemporalManager manager) {
    long rss = ResidentMemory.bytes(manager.pid()).orElse(-1);
    String prefix = "supervised-temporal-supervisor-" + manager.backend().name() + "-"
        + manager.port();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int threads = 0;
    long cpu = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().equals(prefix)) {
        threads++;
        long ns = mx.isThreadCpuTimeSupported() ? mx.getThreadCpuTime(t.getId()) : -1;
        cpu = ns < 0 || cpu < 0 ? -1 : cpu + ns;
      }
    }
    return new Resources(rss, threads, cpu,
        manager.events().count(SupervisorEventType.TICK));
  }
}
