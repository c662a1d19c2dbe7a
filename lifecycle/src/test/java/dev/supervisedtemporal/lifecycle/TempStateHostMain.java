package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.time.Duration;

/**
 * A host JVM with a temporary state dir (under its {@code java.io.tmpdir}): prints
 * {@code STATE_DIR <dir>} and {@code SERVER_PID <pid>} and waits, or prints
 * {@code BUILD_FAILED <exception>} when the manager cannot be built.
 */
public final class TempStateHostMain {

  private TempStateHostMain() {}

  /** Runs the fixture. */
  public static void main(String[] args) throws Exception {
    TemporalManager manager;
    try {
      manager = TemporalManager.builder().backend(BackendKind.EMBEDDED).build();
    } catch (RuntimeException e) {
      System.out.println("BUILD_FAILED " + e.getClass().getName() + ": "
          + e.getMessage().replace('\n', ' '));
      System.out.flush();
      System.exit(3);
      return;
    }
    System.out.println("STATE_DIR " + manager.stateDir());
    manager.start();
    manager.startSupervisor(SupervisorPolicy.recommended().toBuilder()
        .checkInterval(Duration.ofMillis(200)).build());
    System.out.println("SERVER_PID " + manager.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
