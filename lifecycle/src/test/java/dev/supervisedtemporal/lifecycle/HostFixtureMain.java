package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A host JVM for resilience tests: starts a supervised embedded server on a state dir, prints
 * {@code SERVER_PID <pid>}, then waits, exits, or reports a failure to start.
 *
 * <p>Arguments: {@code <stateDir> <wait|exit> [standby [count]]}; with {@code standby} it also
 * keeps {@code count} (default 1) warm standbys and prints {@code STANDBY_PID <pid>} for each.
 */
public final class HostFixtureMain {

  private HostFixtureMain() {}

  /** Runs the fixture. */
  public static void main(String[] args) throws Exception {
    boolean standby = args.length > 2 && "standby".equals(args[2]);
    TemporalManager.Builder builder = TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .standby(standby ? StandbyMode.ON : StandbyMode.OFF).stateDir(Path.of(args[0]));
    if (args.length > 3) {
      builder.standbyCount(Integer.parseInt(args[3]));
    }
    TemporalManager manager = builder.build();
    try {
      manager.start();
    } catch (RuntimeException e) {
      System.out.println("START_FAILED " + e.getMessage().replace('\n', ' '));
      System.out.flush();
      System.exit(3);
    }
    manager.startSupervisor(SupervisorPolicy.recommended().toBuilder()
        .checkInterval(Duration.ofMillis(200)).build());
    System.out.println("SERVER_PID " + manager.pid());
    if (standby) {
      int count = args.length > 3 ? Integer.parseInt(args[3]) : 1;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (manager.standby().pids().size() < count && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      for (long pid : manager.standby().pids()) {
        System.out.println("STANDBY_PID " + pid);
      }
    }
    System.out.flush();
    if ("exit".equals(args[1])) {
      System.exit(0); // no close(): the shutdown hook must stop supervisor and server
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
