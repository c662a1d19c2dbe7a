package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.Supervisor;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.time.Duration;
import java.util.Optional;

/** Test helpers: a supervised embedded server, and waits with generous bounds. */
final class Servers {

  static final Duration GENEROUS = Duration.ofSeconds(30);

  private Servers() {}

  static TemporalManager embedded() {
    return TemporalManager.builder().backend(BackendKind.EMBEDDED).build();
  }

  /** Makes sure the server runs, answers RPCs, and has a running supervisor. */
  static Supervisor ensureSupervised(TemporalManager m) throws InterruptedException {
    m.start();
    Supervisor s = m.startSupervisor(SupervisorPolicy.recommended());
    awaitRpc(m);
    return s;
  }

  /**
   * Waits until the manager has recorded a live server and it answers an RPC. A restarted server
   * answers before its start has finished (namespaces, identity, port owner), so an answer alone
   * does not mean {@code pid()} names it yet.
   */
  static void awaitRpc(TemporalManager m) throws InterruptedException {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (m.pid() <= 0 || !m.answersRpc(Duration.ofSeconds(1))) {
      if (System.nanoTime() > deadline) {
        return; // let start() or the assertion report the problem
      }
      Thread.sleep(20);
    }
  }

  static void awaitGone(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(System.nanoTime()).as("pid %d still alive", pid).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The state letter of the process, or empty when it is gone. */
  static Optional<Character> state(long pid) {
    return ProcState.of(pid);
  }

  /** Asserts the process is not stopped: resumed, or gone. */
  static void assertNotStopped(long pid) {
    assertThat(state(pid)).as("state of pid %d", pid)
        .satisfiesAnyOf(s -> assertThat(s).isEmpty(), s -> assertThat(s).get().isNotEqualTo('T'));
  }
}
