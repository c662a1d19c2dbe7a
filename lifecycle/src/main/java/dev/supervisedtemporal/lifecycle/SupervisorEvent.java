package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One timestamped thing a supervisor did or saw.
 *
 * @param type what happened
 * @param nanoTime monotonic time ({@link System#nanoTime()} scale) when it happened
 * @param at wall-clock time, for people
 * @param pid the server pid it concerns, or -1
 * @param healthy for {@link SupervisorEventType#TICK}: whether the check passed
 * @param attempt for restart events: the attempt number, else 0
 * @param duration how long the check took for TICK (so the tick began at {@code nanoTime -
 *     duration}), backoff delay for BACKOFF, spawn → ready for RESTARTED, else zero
 * @param detail a reason or description, or empty
 */
@API(status = STABLE, since = "0.1.0")
public record SupervisorEvent(SupervisorEventType type, long nanoTime, Instant at, long pid,
    boolean healthy, int attempt, Duration duration, String detail) {

  /** Checks the fields are present. */
  public SupervisorEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(at).append(' ').append(type);
    if (pid > 0) {
      s.append(" pid=").append(pid);
    }
    if (type == SupervisorEventType.TICK) {
      s.append(healthy ? " healthy" : " unhealthy");
    }
    if (attempt > 0) {
      s.append(" attempt=").append(attempt);
    }
    if (!duration.isZero()) {
      s.append(" ").append(duration.toNanos() / 1_000_000.0).append("ms");
    }
    if (!detail.isEmpty()) {
      s.append(" ").append(detail);
    }
    return s.toString();
  }
}
