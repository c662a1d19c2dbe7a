package dev.supervisedtemporal.reports;

import dev.supervisedtemporal.events.TimingEvent;
import dev.supervisedtemporal.events.TimingEventType;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds one spacing between consecutive {@code TICK}s of a run: the later tick's time and the gap.
 *
 * @param t the later tick's monotonic time in ns
 * @param spacingMs the gap to the tick before, in ms
 */
record TickSpacing(long t, double spacingMs) {

  private static final double NANOS_PER_MS = 1_000_000.0;

  /**
   * Returns the spacings of the {@code TICK}s among {@code events} (sorted by time), leaving out
   * each gap that spans a {@code RESTART_ATTEMPT}: a restart takes the supervisor's thread and
   * drops its slot by design, so that gap says nothing about the scheduler's accuracy.
   */
  static List<TickSpacing> of(List<TimingEvent> events) {
    List<TickSpacing> out = new ArrayList<>();
    Long previousTick = null;
    boolean restartSinceTick = false;
    for (TimingEvent e : events) {
      if (e.is(TimingEventType.TICK)) {
        if (previousTick != null && !restartSinceTick) {
          out.add(new TickSpacing(e.t(), (e.t() - previousTick) / NANOS_PER_MS));
        }
        previousTick = e.t();
        restartSinceTick = false;
      } else if (e.is(TimingEventType.RESTART_ATTEMPT)) {
        restartSinceTick = true;
      }
    }
    return out;
  }
}
