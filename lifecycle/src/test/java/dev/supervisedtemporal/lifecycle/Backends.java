package dev.supervisedtemporal.lifecycle;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisedtemporal.lifecycle.backend.BackendDiscovery;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.time.Duration;
import java.util.List;

/** Builds managers for the backends a lifecycle test runs on; CLI runs skip visibly without it. */
final class Backends {

  private Backends() {}

  static TemporalManager.Builder builder(BackendKind kind) {
    if (kind == BackendKind.CLI) {
      assumeTrue(BackendDiscovery.findCli().isPresent(),
          "Temporal CLI not installed (run scripts/install-temporal-cli): CLI backend skipped");
    }
    System.out.println("[backend] " + kind + " for " + StackWalker.getInstance()
        .walk(s -> s.skip(1).findFirst().map(f -> f.getMethodName()).orElse("?")));
    return TemporalManager.builder().backend(kind).startupTimeout(Duration.ofSeconds(60))
        .stopGracePeriod(Duration.ofSeconds(5));
  }

  /** Server processes that are children of this JVM and still alive. */
  static List<ProcessHandle> liveChildren() {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
  }

  /** Threads of supervisors that are still alive. */
  static List<String> supervisorThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .map(Thread::getName).filter(n -> n.startsWith("supervised-temporal-supervisor"))
        .toList();
  }

  /** A fast recommended policy for tests: the decisions, not the basic policy's cadence. */
  static SupervisorPolicy quick() {
    return SupervisorPolicy.recommended().toBuilder()
        .checkInterval(Duration.ofMillis(200))
        .probeTimeout(Duration.ofMillis(300))
        .failureThreshold(2)
        .build();
  }
}
