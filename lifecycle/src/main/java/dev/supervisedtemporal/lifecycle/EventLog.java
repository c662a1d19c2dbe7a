package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
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
 * <p>Memory is bounded for routine events: a log built with a routine filter keeps only the
 * most recent {@code window} routine events (e.g. health-check ticks) and every other event.
 * Positions ({@link #size()}, {@link #since}, {@link #await}) count every event ever published,
 * so they stay valid when old routine events are dropped; a listener sees every event (that is
 * how a complete record is written to a file).
 *
 * <p>Abstract: each timeline is its own subclass ({@link SupervisorEvents}, and chaos's
 * {@code ChaosEvents}); users read and await events through those.
 *
 * @param <E> the event type
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public abstract class EventLog<E> {

  private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
  private static final int TAIL_IN_MESSAGES = 8;

  /** One retained event and its position among all events ever published. */
  private record Entry<E>(int position, E event) {}

  private final List<Entry<E>> events = new ArrayList<>();
  private final Deque<Entry<E>> routine = new ArrayDeque<>();
  private final Predicate<E> isRoutine;
  private final int window;
  private final List<Consumer<E>> listeners = new CopyOnWriteArrayList<>();
  private int published;
  private long dropped;

  /** A log that keeps every event. */
  protected EventLog() {
    this(e -> false, Integer.MAX_VALUE);
  }

  /**
   * A log that keeps only the last {@code window} events matching {@code isRoutine}, and every
   * other event.
   */
  protected EventLog(Predicate<E> isRoutine, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window = " + window + "; accepted: 1 or more");
    }
    this.isRoutine = isRoutine;
    this.window = window;
  }

  /** Records an event and tells every listener. */
  public void publish(E event) {
    synchronized (events) {
      Entry<E> entry = new Entry<>(published++, event);
      events.add(entry);
      if (isRoutine.test(event)) {
        routine.addLast(entry);
        if (routine.size() > window) {
          Entry<E> oldest = routine.removeFirst();
          events.remove(indexOf(oldest.position()));
          dropped++;
        }
      }
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

  /** A copy of every retained event, oldest first (old routine events may be dropped). */
  public List<E> snapshot() {
    synchronized (events) {
      return events.stream().map(Entry::event).toList();
    }
  }

  /** Every retained event that matches, oldest first. */
  public List<E> matching(Predicate<E> filter) {
    return snapshot().stream().filter(filter).collect(Collectors.toList());
  }

  /** The number of events ever published: a position for {@link #since} and {@link #await}. */
  public int size() {
    synchronized (events) {
      return published;
    }
  }

  /** The retained events at or after position {@code from}, oldest first. */
  public List<E> since(int from) {
    synchronized (events) {
      return events.subList(indexOf(from), events.size()).stream().map(Entry::event).toList();
    }
  }

  /** The position of a retained event (the same instance), or -1 when it is not retained. */
  public int positionOf(E event) {
    synchronized (events) {
      for (int i = events.size() - 1; i >= 0; i--) {
        if (events.get(i).event() == event) {
          return events.get(i).position();
        }
      }
      return -1;
    }
  }

  /** How many routine events were dropped from memory (listeners saw them all). */
  public long dropped() {
    synchronized (events) {
      return dropped;
    }
  }

  /** The last {@code n} retained events, oldest first. */
  public List<E> tail(int n) {
    synchronized (events) {
      return events.subList(Math.max(0, events.size() - n), events.size()).stream()
          .map(Entry::event).toList();
    }
  }

  /**
   * Waits for an event, at or after position {@code from} in the log, that matches. Waits on
   * the log's notification (no polling); times out the way {@link Await} does.
   *
   * @param what what is awaited, for the timeout message
   * @return the first matching event
   * @throws AwaitTimeoutException naming what was awaited and holding the last events
   * @throws java.util.concurrent.CancellationException when the waiting thread is interrupted
   *     (its interrupt flag stays set)
   */
  public E await(String what, int from, Predicate<E> matcher, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (events) {
      int next = from;
      while (true) {
        for (int i = indexOf(next); i < events.size(); i++) {
          Entry<E> entry = events.get(i);
          next = entry.position() + 1;
          if (matcher.test(entry.event())) {
            return entry.event();
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AwaitTimeoutException(what, timeout, "last events:\n  "
              + tail(TAIL_IN_MESSAGES).stream().map(Object::toString)
                  .collect(Collectors.joining("\n  ")));
        }
        try {
          events.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          CancellationException c = new CancellationException("interrupted while awaiting " + what);
          c.initCause(e);
          throw c;
        }
      }
    }
  }

  /** The index in {@code events} of the first retained entry at or after a position. */
  private int indexOf(int position) {
    int low = 0;
    int high = events.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (events.get(mid).position() < position) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The whole retained log, one event per line. */
  public String timeline() {
    return snapshot().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  /** Undoes a subscription. */
  @FunctionalInterface
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public interface Registration extends AutoCloseable {
    /** Removes the listener; idempotent. */
    @Override
    void close();
  }
}
