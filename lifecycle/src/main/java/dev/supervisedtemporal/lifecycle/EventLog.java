package dev.supervisedtemporal.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a thread-safe, append-only log of timestamped events and tells listeners about each.
 *
 * <p>A listener runs on the publishing thread; one that throws is logged and skipped, so it can
 * never stop the component that publishes. {@link #await} lets a caller wait for an event at or
 * after a position in the log, with a timeout message that names what was awaited and shows
 * the last events.
 *
 * @param <E> the event type
 */
public class EventLog<E> {

  private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
  private static final int TAIL_IN_MESSAGES = 8;

  private final List<E> events = new ArrayList<>();
  private final List<Consumer<E>> listeners = new CopyOnWriteArrayList<>();

  /** Records an event and tells every listener. */
  public void publish(E event) {
    synchronized (events) {
      events.add(event);
      events.notifyAll();
    }
    for (Consumer<E> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("an event listener threw on {}; ignored", event, e);
      }
    }
  }

  /** Adds a listener called for every later event, on the thread that publishes it. */
  public Registration subscribe(Consumer<E> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** A copy of every event so far, oldest first. */
  public List<E> snapshot() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Every event so far that matches, oldest first. */
  public List<E> matching(Predicate<E> filter) {
    return snapshot().stream().filter(filter).collect(Collectors.toList());
  }

  /** The number of events so far: a position for {@link #await}. */
  public int size() {
    synchronized (events) {
      return events.size();
    }
  }

  /** The last {@code n} events, oldest first. */
  public List<E> tail(int n) {
    synchronized (events) {
      return List.copyOf(events.subList(Math.max(0, events.size() - n), events.size()));
    }
  }

  /**
   * Waits for an event, at or after position {@code from} in the log, that matches.
   *
   * @param what what is awaited, for the timeout message
   * @return the first matching event
   * @throws TimeoutException naming what was awaited and showing the last events
   */
  public E await(String what, int from, Predicate<E> matcher, Duration timeout)
      throws InterruptedException, TimeoutException {
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
          throw new TimeoutException("waited " + timeout + " for " + what + "; last events:\n  "
              + tail(TAIL_IN_MESSAGES).stream().map(Object::toString)
                  .collect(Collectors.joining("\n  ")));
        }
        events.wait(Math.max(1, left / 1_000_000));
      }
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
