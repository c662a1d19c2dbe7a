package dev.supervisedtemporal.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timestamped event log of a server's supervisors, with listeners.
 *
 * <p>Thread-safe. A listener that throws is logged and skipped; it never stops the supervisor.
 */
public final class SupervisorEvents {

  private static final Logger LOG = LoggerFactory.getLogger(SupervisorEvents.class);

  private final List<SupervisorEvent> events = new ArrayList<>();
  private final List<Consumer<SupervisorEvent>> listeners = new CopyOnWriteArrayList<>();

  /** Records an event and tells every listener. */
  public void publish(SupervisorEvent event) {
    synchronized (events) {
      events.add(event);
      events.notifyAll();
    }
    for (Consumer<SupervisorEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException | Error e) {
        if (e instanceof VirtualMachineError) {
          throw e;
        }
        LOG.warn("a supervisor event listener threw on {}; ignored", event.type(), e);
      }
    }
  }

  /** Adds a listener called for every later event, on the thread that publishes it. */
  public Registration subscribe(Consumer<SupervisorEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** A copy of every event so far, oldest first. */
  public List<SupervisorEvent> snapshot() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Every event of the type so far, oldest first. */
  public List<SupervisorEvent> ofType(SupervisorEventType type) {
    return snapshot().stream().filter(e -> e.type() == type).collect(Collectors.toList());
  }

  /** How many events of the type there have been. */
  public long count(SupervisorEventType type) {
    return ofType(type).size();
  }

  /**
   * Waits for an event, at or after position {@code from} in the log, that matches.
   *
   * @return the matching event
   * @throws java.util.concurrent.TimeoutException naming what was awaited and the last events
   */
  public SupervisorEvent await(String what, int from, Predicate<SupervisorEvent> matcher,
      Duration timeout) throws InterruptedException, java.util.concurrent.TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (events) {
      int next = from;
      while (true) {
        for (; next < events.size(); next++) {
          if (matcher.test(events.get(next))) {
            return events.get(next);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new java.util.concurrent.TimeoutException("waited " + timeout + " for " + what
              + "; last events:\n  " + tail(8).stream().map(Object::toString)
                  .collect(Collectors.joining("\n  ")));
        }
        events.wait(Math.max(1, left / 1_000_000), 0);
      }
    }
  }

  /** The number of events so far: a position for {@link #await}. */
  public int size() {
    synchronized (events) {
      return events.size();
    }
  }

  /** The last {@code n} events, oldest first. */
  public List<SupervisorEvent> tail(int n) {
    synchronized (events) {
      return List.copyOf(events.subList(Math.max(0, events.size() - n), events.size()));
    }
  }

  /** The whole log, one event per line. */
  public String timeline() {
    return snapshot().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  /** Undoes a subscription. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    /** Removes the listener; idempotent. */
    @Override
    void close();
  }
}
