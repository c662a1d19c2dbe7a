package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apiguardian.api.API;

/**
 * The timestamped event log of a server's supervisors, with listeners.
 *
 * <p>Thread-safe. A listener that throws is logged and skipped; it never stops the supervisor.
 * Memory stays bounded however long a supervisor runs: only the last {@value #TICK_WINDOW}
 * {@link SupervisorEventType#TICK} events are kept (every other event is kept), while
 * {@link #count} stays exact and listeners see every tick. A complete record belongs in a file
 * written by a listener, as the JUnit extension does.
 */
@API(status = STABLE, since = "0.1.0")
public final class SupervisorEvents extends EventLog<SupervisorEvent> {

  /** How many of the most recent ticks are kept in memory. */
  public static final int TICK_WINDOW = 1000;

  private final AtomicLongArray counts = new AtomicLongArray(SupervisorEventType.values().length);

  /** An empty log that keeps the last {@value #TICK_WINDOW} ticks. */
  public SupervisorEvents() {
    this(TICK_WINDOW);
  }

  /** An empty log that keeps the last {@code tickWindow} ticks. */
  SupervisorEvents(int tickWindow) {
    super(e -> e.type() == SupervisorEventType.TICK, tickWindow);
  }

  @Override
  public void publish(SupervisorEvent event) {
    counts.incrementAndGet(event.type().ordinal());
    super.publish(event);
  }

  /** Every retained event of the type, oldest first (ticks: only the most recent ones). */
  public List<SupervisorEvent> ofType(SupervisorEventType type) {
    return matching(e -> e.type() == type);
  }

  /** How many events of the type there have been, dropped ticks included. */
  public long count(SupervisorEventType type) {
    return counts.get(type.ordinal());
  }
}
