package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Waits until a condition holds by polling it, and fails with what was awaited, for how long, and
 * the last state it observed. Immutable: every setting returns a new {@code Await}.
 *
 * <pre>{@code
 * HealthReport healthy = Await.until("the server to serve")
 *     .atMost(Duration.ofSeconds(30))
 *     .until(manager::checkHealth, HealthReport::healthy);
 * }</pre>
 *
 * <p>This is the project's one way to wait: every wait in the library either uses it or, when it
 * waits on a notification instead of polling, throws the same {@link AwaitTimeoutException}.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Await {

  /** How long a wait lasts unless {@link #atMost} says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** How often the condition is polled unless {@link #pollInterval} says otherwise. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(10);

  private final String what;
  private final Duration atMost;
  private final Duration pollInterval;

  private Await(String what, Duration atMost, Duration pollInterval) {
    this.what = what;
    this.atMost = atMost;
    this.pollInterval = pollInterval;
  }

  /**
   * Starts describing a wait for {@code what}, said as the thing awaited ("the server to
   * serve"); it appears in the timeout message.
   */
  public static Await until(String what) {
    Objects.requireNonNull(what, "what");
    if (what.isBlank()) {
      throw new IllegalArgumentException("what is blank; accepted: a description of the wait");
    }
    return new Await(what, DEFAULT_TIMEOUT, DEFAULT_POLL_INTERVAL);
  }

  /** The same wait, giving up after {@code timeout}; must be positive. */
  public Await atMost(Duration timeout) {
    return new Await(what, positive(timeout, "atMost"), pollInterval);
  }

  /** The same wait, polling every {@code interval}; must be positive. */
  public Await pollInterval(Duration interval) {
    return new Await(what, atMost, positive(interval, "pollInterval"));
  }

  /** What is awaited. */
  public String what() {
    return what;
  }

  /** How long the wait lasts at most. */
  public Duration timeout() {
    return atMost;
  }

  /**
   * Polls {@code observe} until {@code done} accepts what it returned, and returns that value.
   * The condition is always observed at least once, and once more at the deadline.
   *
   * @throws AwaitTimeoutException when the deadline passes first, holding the last observation
   * @throws CancellationException when the waiting thread is interrupted (its flag stays set)
   */
  public <T> T until(Supplier<? extends T> observe, Predicate<? super T> done) {
    Objects.requireNonNull(observe, "observe");
    Objects.requireNonNull(done, "done");
    long deadline = System.nanoTime() + atMost.toNanos();
    while (true) {
      T seen = observe.get();
      if (done.test(seen)) {
        return seen;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AwaitTimeoutException(what, atMost, String.valueOf(seen));
      }
      pause(Math.min(left, pollInterval.toNanos()));
    }
  }

  /**
   * Polls {@code condition} until it is true.
   *
   * @throws AwaitTimeoutException when the deadline passes first
   * @throws CancellationException when the waiting thread is interrupted (its flag stays set)
   */
  public void until(BooleanSupplier condition) {
    Objects.requireNonNull(condition, "condition");
    until(condition::getAsBoolean, Boolean::booleanValue);
  }

  private void pause(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException c = new CancellationException("interrupted while awaiting " + what);
      c.initCause(e);
      throw c;
    }
  }

  private static Duration positive(Duration d, String setting) {
    Objects.requireNonNull(d, setting);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(setting + " is " + d + "; accepted: a positive duration");
    }
    return d;
  }

  @Override
  public String toString() {
    return "Await[" + what + ", atMost " + atMost + ", every " + pollInterval + "]";
  }
}
