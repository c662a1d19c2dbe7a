package dev.supervisedtemporal.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** What a {@link Supervisor} needs from the server it watches; the manager provides it. */
interface SupervisedServer {

  /** A short name for thread names and messages, e.g. {@code embedded 127.0.0.1:7233}. */
  String describe();

  /** Checks health; never throws for an unhealthy server, only reports it. */
  HealthReport check(ProbeDepth depth, Duration timeout);

  /**
   * Ends the current server if there is one (verified), and starts a new one on the same port.
   *
   * @throws SpawnCancelledException when the gate closed
   */
  StartResult restart(SpawnGate gate) throws Exception;

  /** Calls the listener, on any thread, whenever a server process the manager started exits. */
  SupervisorEvents.Registration onExit(Consumer<ServerExit> listener);

  /** Whether the supervisor may restart it; false for a server it only watches (external). */
  default boolean restartable() {
    return true;
  }

  /** The current server pid, or -1. */
  long pid();

  /** The last lines of the server log. */
  List<String> logTail(int lines);
}
