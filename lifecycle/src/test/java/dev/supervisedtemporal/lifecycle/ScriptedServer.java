package dev.supervisedtemporal.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A server whose health and restarts the unit test scripts. Only for the supervisor's decision
 * logic: the real server is exercised by the integration tests.
 */
final class ScriptedServer implements SupervisedServer {

  enum Condition { HEALTHY, DEAD, HUNG, REFUSING }

  private final ManualScheduler clock;
  private final List<Consumer<ServerExit>> exitListeners = new CopyOnWriteArrayList<>();
  final List<Long> restartTimes = new ArrayList<>();
  Condition condition = Condition.HEALTHY;
  int failNextRestarts;
  /** While set, every restart is refused before a spawn because a thief holds the port. */
  volatile PortInUseException portHeld;
  /** When set, what the next failing restarts throw instead of the default. */
  Exception failure;
  Duration restartTakes = Duration.ofMillis(400);
  Runnable duringRestart = () -> {};
  long pid = 100;
  int spawned;
  boolean checkThrows;
  boolean restartable = true;

  ScriptedServer(ManualScheduler clock) {
    this.clock = clock;
  }

  @Override
  public boolean restartable() {
    return restartable;
  }

  @Override
  public String describe() {
    return "scripted";
  }

  @Override
  public HealthReport check(ProbeDepth depth, Duration timeout) {
    if (checkThrows) {
      throw new IllegalStateException("probe blew up");
    }
    List<HealthReport.LayerResult> layers = new ArrayList<>();
    switch (condition) {
      case HEALTHY -> {
        layers.add(new HealthReport.LayerResult(HealthReport.Layer.PROCESS_ALIVE, true, ""));
        layers.add(new HealthReport.LayerResult(HealthReport.Layer.PROTOCOL, true, "SERVING"));
      }
      case DEAD -> layers.add(
          new HealthReport.LayerResult(HealthReport.Layer.PROCESS_ALIVE, false, "gone"));
      case HUNG -> {
        layers.add(new HealthReport.LayerResult(HealthReport.Layer.PROCESS_ALIVE, true, ""));
        if (depth == ProbeDepth.FULL) {
          clock.elapse(timeout);
          layers.add(new HealthReport.LayerResult(HealthReport.Layer.PROTOCOL, false,
              "DEADLINE_EXCEEDED"));
        } else {
          layers.add(new HealthReport.LayerResult(HealthReport.Layer.TCP_CONNECT, true, ""));
        }
      }
      case REFUSING -> {
        layers.add(new HealthReport.LayerResult(HealthReport.Layer.PROCESS_ALIVE, true, ""));
        layers.add(new HealthReport.LayerResult(HealthReport.Layer.PROTOCOL, false,
            "UNAVAILABLE: io exception: Connection refused"));
      }
      default -> throw new IllegalStateException();
    }
    return new HealthReport(Instant.now(), pid, layers);
  }

  @Override
  public StartResult restart(SpawnGate gate) throws Exception {
    restartTimes.add(clock.nanoTime());
    duringRestart.run();
    PortInUseException held = portHeld;
    if (held != null) {
      throw held; // refused before anything is spawned: no time passes
    }
    clock.elapse(restartTakes);
    if (failNextRestarts > 0) {
      failNextRestarts--;
      if (failure != null) {
        throw failure;
      }
      throw new IllegalStateException("port 7233 is taken by pid 4242 (thief)");
    }
    return gate.spawnIfOpen(() -> {
      spawned++;
      pid++;
      condition = Condition.HEALTHY;
      return new StartResult(pid, 7233, false, restartTakes, 1);
    });
  }

  @Override
  public SupervisorEvents.Registration onExit(Consumer<ServerExit> listener) {
    exitListeners.add(listener);
    return () -> exitListeners.remove(listener);
  }

  /** The child dies and its exit event fires. */
  void crash() {
    condition = Condition.DEAD;
    fireExit(new ServerExit(pid, 137, false, clock.nanoTime(), Instant.now()));
  }

  /** Fires an exit event as the manager would. */
  void fireExit(ServerExit exit) {
    exitListeners.forEach(l -> l.accept(exit));
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public List<String> logTail(int lines) {
    return List.of("line 1", "panic: the last words");
  }
}
