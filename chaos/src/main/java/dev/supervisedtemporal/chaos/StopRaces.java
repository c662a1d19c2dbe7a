package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.Supervisor;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Runs the shutdown race: kills the server the moment its supervisor's stop has begun, and
 * reports whether anything restarted afterwards ({@link StopRace}).
 */
final class StopRaces {

  private static final Duration STOP_BEGIN_SPIN = Duration.ofSeconds(5);

  private final TemporalManager manager;
  private final FaultRegistry registry;

  StopRaces(TemporalManager manager, FaultRegistry registry) {
    this.manager = manager;
    this.registry = registry;
  }

  /**
   * Stops the supervisor on another thread, kills the server's group as soon as the stop has
   * begun, then watches for the settle period. The supervisor stays stopped afterwards.
   */
  StopRace killDuringStop(Duration settle) {
    Objects.requireNonNull(settle, "settle");
    AtomicReference<StopRace> race = new AtomicReference<>();
    registry.inject(FaultKind.KILL_DURING_STOP, f -> {
      Supervisor supervisor = manager.supervisor().filter(s -> !s.isStopping()).orElseThrow(() ->
          new FaultRefusedException("KILL_DURING_STOP refused: no running supervisor on "
              + manager));
      ProcessIdentity server = GroupSignals.serverOf(manager, FaultKind.KILL_DURING_STOP);
      f.onHeal(Undo.NOTHING);
      int from = manager.events().size();
      long began = System.nanoTime();
      Thread stopper = new Thread(manager::stopSupervisor, "supervised-temporal-chaos-stopper");
      stopper.setDaemon(true);
      stopper.start();
      // A spin, not a poll: the kill must land within microseconds of the stop beginning.
      long spinUntil = began + STOP_BEGIN_SPIN.toNanos();
      while (!supervisor.isStopping() && stopper.isAlive() && System.nanoTime() < spinUntil) {
        Thread.onSpinWait();
      }
      GroupSignals.send(server, FaultKind.KILL_DURING_STOP, f, Signal.KILL);
      boolean whileStopping = stopper.isAlive();
      stopper.join(supervisor.policy().stopTimeout().plusSeconds(10).toMillis());
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      Thread.sleep(settle.toMillis());
      List<SupervisorEvent> after = manager.events().since(from).stream()
          .filter(e -> e.nanoTime() >= began).collect(Collectors.toList());
      boolean restarted = after.stream().anyMatch(e -> e.type() == SupervisorEventType
          .RESTART_ATTEMPT || e.type() == SupervisorEventType.RESTARTED);
      long pidAfter = manager.pid();
      boolean appeared = restarted || (pidAfter > 0 && pidAfter != server.pid());
      race.set(new StopRace(f.id(), server.pid(), whileStopping, appeared, pidAfter, took,
          after));
      return "server " + server.pid() + " killed " + (whileStopping ? "while" : "after")
          + " the supervisor was stopping; new server appeared: " + appeared;
    });
    return race.get();
  }
}
