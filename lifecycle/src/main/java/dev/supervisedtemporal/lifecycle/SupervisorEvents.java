package dev.supervisedtemporal.lifecycle;

import java.util.List;

/**
 * The timestamped event log of a server's supervisors, with listeners.
 *
 * <p>Thread-safe. A listener that throws is logged and skipped; it never stops the supervisor.
 */
public final class SupervisorEvents extends EventLog<SupervisorEvent> {

  /** Every event of the type so far, oldest first. */
  public List<SupervisorEvent> ofType(SupervisorEventType type) {
    return matching(e -> e.type() == type);
  }

  /** How many events of the type there have been. */
  public long count(SupervisorEventType type) {
    return ofType(type).size();
  }
}
