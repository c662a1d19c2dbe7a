package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What happened when the server was killed while its supervisor was being stopped.
 *
 * @param faultId the fault's id in the chaos events
 * @param killedPid the server that was killed
 * @param killedWhileStopping whether the kill landed before the supervisor's stop returned
 * @param newServerAppeared whether a restart began or a new server pid appeared after the stop
 *     began: the bug this fault looks for
 * @param pidAfter the manager's server pid after the settle period (-1 when none)
 * @param stopTook how long the supervisor's stop took
 * @param eventsAfterStopBegan the supervisor events published after the stop began
 */
@API(status = EXPERIMENTAL)
public record StopRace(String faultId, long killedPid, boolean killedWhileStopping,
    boolean newServerAppeared, long pidAfter, Duration stopTook,
    List<SupervisorEvent> eventsAfterStopBegan) {

  /** Copies the event list. */
  public StopRace {
    eventsAfterStopBegan = List.copyOf(eventsAfterStopBegan);
  }
}
