package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.supervisedtemporal.lifecycle.EventLog;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEvents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * One server's supervisor events and chaos events as a single timeline, ordered by monotonic
 * time ({@link System#nanoTime()}, the scale both kinds share).
 *
 * <p>A view, not a copy: every call reads both logs as they are then. Events with the same
 * nanoTime keep supervisor-before-chaos order. {@link #toString()} is the timeline one event per
 * line, as {@link Chaos#timeline()} prints it.
 *
 * <pre>{@code
 * Timeline timeline = Timeline.of(chaos);
 * Timeline.Mark before = timeline.mark();
 * chaos.kill();
 * for (Timeline.Entry e : timeline.since(before)) { ... }
 * }</pre>
 */
@API(status = EXPERIMENTAL)
public final class Timeline {

  private final SupervisorEvents supervisor;
  private final ChaosEvents chaos;

  private Timeline(SupervisorEvents supervisor, ChaosEvents chaos) {
    this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
    this.chaos = Objects.requireNonNull(chaos, "chaos");
  }

  /** The timeline of a supervisor's events and a chaos event log. */
  public static Timeline of(SupervisorEvents supervisor, ChaosEvents chaos) {
    return new Timeline(supervisor, chaos);
  }

  /** The timeline of the chaos's manager's events and the chaos's own events. */
  public static Timeline of(Chaos chaos) {
    return new Timeline(chaos.manager().events(), chaos.events());
  }

  /** One event of either kind on the timeline. */
  public sealed interface Entry permits SupervisorEntry, ChaosEntry {
    /** When it happened, on the {@link System#nanoTime()} scale. */
    long nanoTime();
  }

  /** A supervisor event on the timeline. */
  public record SupervisorEntry(SupervisorEvent event) implements Entry {
    /** Checks the event is present. */
    public SupervisorEntry {
      Objects.requireNonNull(event, "event");
    }

    @Override
    public long nanoTime() {
      return event.nanoTime();
    }

    @Override
    public String toString() {
      return event.toString();
    }
  }

  /** A chaos event on the timeline. */
  public record ChaosEntry(ChaosEvent event) implements Entry {
    /** Checks the event is present. */
    public ChaosEntry {
      Objects.requireNonNull(event, "event");
    }

    @Override
    public long nanoTime() {
      return event.nanoTime();
    }

    @Override
    public String toString() {
      return event.toString();
    }
  }

  /**
   * A position in both logs ({@link EventLog#size()} of each), for {@link #since}.
   *
   * @param supervisor the supervisor log's position
   * @param chaos the chaos log's position
   */
  public record Mark(int supervisor, int chaos) {}

  /** The current end of both logs: {@link #since} of it returns what is published later. */
  public Mark mark() {
    return new Mark(supervisor.size(), chaos.size());
  }

  /** Every retained event of both logs, ordered by nanoTime. */
  public List<Entry> entries() {
    return merge(supervisor.snapshot(), chaos.snapshot());
  }

  /** The retained events of both logs published at or after the mark, ordered by nanoTime. */
  public List<Entry> since(Mark mark) {
    Objects.requireNonNull(mark, "mark");
    return merge(supervisor.since(mark.supervisor()), chaos.since(mark.chaos()));
  }

  /**
   * Calls the listener for every later event of either log, on the thread that publishes it and
   * so in publication order (not re-sorted by nanoTime); closing the registration ends both.
   */
  public EventLog.Registration subscribe(Consumer<? super Entry> listener) {
    Objects.requireNonNull(listener, "listener");
    EventLog.Registration fromSupervisor =
        supervisor.subscribe(e -> listener.accept(new SupervisorEntry(e)));
    EventLog.Registration fromChaos = chaos.subscribe(e -> listener.accept(new ChaosEntry(e)));
    return () -> {
      fromSupervisor.close();
      fromChaos.close();
    };
  }

  /** Every retained event, one per line, ordered by nanoTime. */
  @Override
  public String toString() {
    return entries().stream().map(Entry::toString).collect(Collectors.joining("\n"));
  }

  static List<Entry> merge(List<SupervisorEvent> supervisorEvents, List<ChaosEvent> chaosEvents) {
    List<Entry> all = new ArrayList<>(supervisorEvents.size() + chaosEvents.size());
    supervisorEvents.forEach(e -> all.add(new SupervisorEntry(e)));
    chaosEvents.forEach(e -> all.add(new ChaosEntry(e)));
    all.sort(Comparator.comparingLong(Entry::nanoTime));
    return List.copyOf(all);
  }
}
