package dev.supervisedtemporal.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adapts a {@link TemporalManager} to what its {@link Supervisor} needs: checks that refill the
 * standby pool when healthy, and restarts that give the server it already judged unhealthy only
 * a short chance to answer before replacing it.
 */
final class ManagedServer implements SupervisedServer {

  /**
   * How long a supervisor's restart lets the server it already judged unhealthy answer before
   * replacing it: a healthy server answers in a few ms, and a hung one would otherwise add the
   * whole wait to every hang recovery.
   */
  private static final Duration RESTART_REUSE_CHECK = Duration.ofMillis(100);

  private final TemporalManager manager;

  ManagedServer(TemporalManager manager) {
    this.manager = manager;
  }

  @Override
  public String describe() {
    return manager.backend().name() + " 127.0.0.1:" + manager.port();
  }

  @Override
  public HealthReport check(ProbeDepth depth, Duration timeout) {
    HealthReport report = manager.health(depth, timeout);
    if (report.healthy()) {
      manager.refillStandbys();
    }
    return report;
  }

  @Override
  public StartResult restart(SpawnGate gate) throws Exception {
    return manager.start(gate, RESTART_REUSE_CHECK);
  }

  @Override
  public SupervisorEvents.Registration onExit(Consumer<ServerExit> listener) {
    return manager.onServerExit(listener);
  }

  @Override
  public long pid() {
    return manager.pid();
  }

  @Override
  public boolean restartable() {
    return manager.backend().ownsProcess();
  }

  @Override
  public List<String> logTail(int lines) {
    return manager.logTail(lines);
  }
}
