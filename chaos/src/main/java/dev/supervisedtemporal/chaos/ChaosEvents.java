package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.SupervisorEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timestamped log of injected, healed and refused faults and recovered RPCs, with listeners.
 *
 * <p>Thread-safe, shaped like {@link SupervisorEvents} so both logs can be written side by side.
 * It also hands out fault ids that are unique within the log. A listener that throws is logged
 * and skipped.
 */
public final class ChaosEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ChaosEvents.class);

  private final List<ChaosEvent> events = new ArrayList<>();
  private final List<Consumer<ChaosEvent>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();

  /** Records an event and tells every listener. */
  public void publish(ChaosEvent event) {
    synchronized (events) {
      events.add(event);
      events.notifyAll();
    }
    for (Consumer<ChaosEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("a chaos event listener threw on {}; ignored", event.type(), e);
      }
    }
  }

  /** Adds a listener called for every later event, on the thread that publishes it. */
  public SupervisorEvents.Registration subscribe(Consumer<ChaosEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** A copy of every event so far, oldest first. */
  public List<ChaosEvent> snapshot() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Every event of the type so far, oldest first. */
  public List<ChaosEvent> ofType(ChaosEventType type) {
    return snapshot().stream().filter(e -> e.type() == type).collect(Collectors.toList());
  }

  /** Every event about the fault, oldest first. */
  public List<ChaosEvent> ofFault(String faultId) {
    return snapshot().stream().filter(e -> e.faultId().equals(faultId))
        .collect(Collectors.toList());
  }

  /** The number of events so far: a position for {@link #await}. */
  public int size() {
    synchronized (events) {
      return events.size();
    }
  }

  /**
   * Waits for an event, at or after position {@code from}, that matches.
   *
   * @throws TimeoutException naming what was awaited
   */
  public ChaosEvent await(String what, int from, Predicate<ChaosEvent> matcher, Duration timeout)
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
          throw new TimeoutException("waited " + timeout + " for " + what);
        }
        events.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** The whole log, one event per line. */
  public String timeline() {
    return snapshot().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  /** A fault id unique within this log, such as {@code kill-3}. */
  String nextFaultId(FaultKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
        + sequence.incrementAndGet();
  }
}
