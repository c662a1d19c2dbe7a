package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.STABLE;

import dev.supervisedtemporal.lifecycle.settings.InvalidSettingException;
import dev.supervisedtemporal.lifecycle.settings.SettingRules;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Says how a {@link Supervisor} checks a server and how it restarts one: immutable and validated.
 *
 * <p>{@link #basic()} is the simple reference: a TCP-connect check every 5 s, a fixed 1 s
 * backoff, no reaction to exit events, no restart limit. {@link #recommended()} is compared
 * against it and adds exit events, a protocol probe, growing backoff and a restart limit.
 * Every value is settable through {@link #toBuilder()}.
 */
@API(status = STABLE, since = "0.1.0")
public final class SupervisorPolicy {

  private final String name;
  private final Duration checkInterval;
  private final Duration probeTimeout;
  private final ProbeDepth probeDepth;
  private final int failureThreshold;
  private final boolean reactToExit;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double backoffMultiplier;
  private final double jitter;
  private final Duration stableUptime;
  private final Optional<Duration> minServingUptime;
  private final int maxRestarts;
  private final Duration restartWindow;
  private final Duration stopTimeout;
  private final OptionalLong randomSeed;
  private final Optional<StandbyMode> standby;
  private final int standbyCount;

  private SupervisorPolicy(Builder b) {
    this.name = b.name;
    this.checkInterval = b.checkInterval;
    this.probeTimeout = b.probeTimeout;
    this.probeDepth = b.probeDepth;
    this.failureThreshold = b.failureThreshold;
    this.reactToExit = b.reactToExit;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.backoffMultiplier = b.backoffMultiplier;
    this.jitter = b.jitter;
    this.stableUptime = b.stableUptime;
    this.minServingUptime =
        b.immediateRestart ? Optional.of(b.minServingUptime) : Optional.empty();
    this.maxRestarts = b.maxRestarts;
    this.restartWindow = b.restartWindow;
    this.stopTimeout = b.stopTimeout;
    this.randomSeed = b.randomSeed;
    this.standby = Optional.ofNullable(b.standby);
    this.standbyCount = b.standbyCount;
  }

  /**
   * Returns the basic policy: a TCP-connect check every 5 s (process alive, identity, port
   * accepts a connection), a fixed 1 s backoff, no reaction to exit events, no restart limit —
   * the simple reference the recommended policy is compared against.
   */
  public static SupervisorPolicy basic() {
    return new Builder("basic")
        .checkInterval(Duration.ofSeconds(5))
        .probeTimeout(Duration.ofSeconds(1))
        .probeDepth(ProbeDepth.CONNECT)
        .failureThreshold(1)
        .reactToExit(false)
        .backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, 0.0)
        .stableUptime(Duration.ZERO)
        .noImmediateRestart()
        .restartIntensity(Integer.MAX_VALUE, Duration.ofMinutes(1))
        .build();
  }

  /**
   * The recommended behaviour: a full check (port owner and gRPC health) every 250 ms with a
   * 500 ms deadline and a threshold of 2, immediate reaction to the child's exit, a server that
   * had reached ready replaced at once (no backoff), exponential backoff 100 ms → 2 s with ±20 %
   * jitter only while restarts fail, reset after 5 s of stable uptime, and at most 10 restarts a
   * minute before giving up.
   */
  public static SupervisorPolicy recommended() {
    return new Builder("recommended").build();
  }

  /** A builder starting from the recommended values, named "custom". */
  public static Builder builder() {
    return new Builder("custom");
  }

  /** A builder holding this policy's values. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.checkInterval = checkInterval;
    b.probeTimeout = probeTimeout;
    b.probeDepth = probeDepth;
    b.failureThreshold = failureThreshold;
    b.reactToExit = reactToExit;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.backoffMultiplier = backoffMultiplier;
    b.jitter = jitter;
    b.stableUptime = stableUptime;
    b.immediateRestart = minServingUptime.isPresent();
    b.minServingUptime = minServingUptime.orElse(Duration.ZERO);
    b.maxRestarts = maxRestarts;
    b.restartWindow = restartWindow;
    b.stopTimeout = stopTimeout;
    b.randomSeed = randomSeed;
    b.standby = standby.orElse(null);
    b.standbyCount = standbyCount;
    return b;
  }

  /**
   * This policy with every time-like value (interval, probe timeout, backoff, stable uptime,
   * minimum serving uptime, restart window) multiplied by the factor; used to run the basic
   * policy's 5 s cadence in CI time.
   */
  public SupervisorPolicy scaled(double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("scale factor = " + factor + "; accepted: > 0");
    }
    Builder b = toBuilder();
    b.checkInterval = scale(checkInterval, factor);
    b.probeTimeout = scale(probeTimeout, factor);
    b.initialBackoff = scale(initialBackoff, factor);
    b.maxBackoff = scale(maxBackoff, factor);
    b.stableUptime = scale(stableUptime, factor);
    b.minServingUptime = scale(b.minServingUptime, factor);
    b.restartWindow = scale(restartWindow, factor);
    return b.build();
  }

  private static Duration scale(Duration d, double factor) {
    return Duration.ofNanos(Math.round(d.toNanos() * factor));
  }

  /**
   * The longest a hung server (one that accepts connections but does not answer) can go
   * unnoticed under this policy: up to one interval until the first check, then the failure
   * threshold's worth of probes, each running out its deadline and waiting for the next slot.
   * Hold a suspension at least this long to be sure the supervisor sees it.
   */
  public Duration hangDetectionBound() {
    return checkInterval.plus(probeTimeout.plus(checkInterval).multipliedBy(failureThreshold));
  }

  /** "basic", "recommended" or "custom": the preset this policy came from. */
  public String name() {
    return name;
  }

  /** Time between the starts of consecutive health checks (fixed rate). */
  public Duration checkInterval() {
    return checkInterval;
  }

  /** The deadline of one protocol or TCP probe. */
  public Duration probeTimeout() {
    return probeTimeout;
  }

  /** How deep each check looks. */
  public ProbeDepth probeDepth() {
    return probeDepth;
  }

  /** Consecutive failed checks before the server is marked unhealthy (a dead process: one). */
  public int failureThreshold() {
    return failureThreshold;
  }

  /** Whether the child's exit event marks it unhealthy at once, without waiting for a tick. */
  public boolean reactToExit() {
    return reactToExit;
  }

  /** The backoff before the first restart attempt. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The largest backoff. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** How much each consecutive attempt's backoff grows; 1 means fixed. */
  public double backoffMultiplier() {
    return backoffMultiplier;
  }

  /** The relative jitter of a backoff, in [0, 1): 0.2 means ±20 %. */
  public double jitter() {
    return jitter;
  }

  /** Uptime after a restart after which the backoff starts from the beginning again. */
  public Duration stableUptime() {
    return stableUptime;
  }

  /**
   * How long a server must have served (from ready to its death or hang) to be replaced at once,
   * with no backoff, as s6 does; a server that dies sooner, or a restart that fails, is a crash
   * loop and backs off. Empty: always back off (as the basic policy does). Zero: any server
   * that reached ready is replaced at once and only failed restarts back off.
   */
  public Optional<Duration> minServingUptime() {
    return minServingUptime;
  }

  /** The most restart attempts allowed within {@link #restartWindow()} before giving up. */
  public int maxRestarts() {
    return maxRestarts;
  }

  /** The sliding window of the restart-intensity limit. */
  public Duration restartWindow() {
    return restartWindow;
  }

  /** How long {@link Supervisor#stop()} waits for its thread to end. */
  public Duration stopTimeout() {
    return stopTimeout;
  }

  /** The seed of the backoff jitter, so that a run replays; empty means random. */
  public OptionalLong randomSeed() {
    return randomSeed;
  }

  /**
   * The warm standby this policy replaces servers with, or empty to leave it to the manager
   * ({@link TemporalManager.Builder#standby}); the presets leave it. A manager built without a
   * standby takes the policy's when {@link TemporalManager#startSupervisor} starts supervising;
   * one built with a different standby, or a backend that cannot keep one, is refused there.
   */
  public Optional<StandbyMode> standby() {
    return standby;
  }

  /** How many warm standbys this policy keeps at once: 1 unless set with its standby. */
  public int standbyCount() {
    return standbyCount;
  }

  @Override
  public String toString() {
    return "SupervisorPolicy[" + name + ": every " + checkInterval + ", probe " + probeDepth
        + " within " + probeTimeout + ", threshold " + failureThreshold + ", exit events "
        + reactToExit + ", backoff " + initialBackoff + ".." + maxBackoff + " x"
        + backoffMultiplier + " ±" + jitter + ", reset after " + stableUptime + ", at once after "
        + minServingUptime.map(Duration::toString).orElse("never") + " serving, limit "
        + (maxRestarts == Integer.MAX_VALUE ? "none" : maxRestarts + " per " + restartWindow)
        + standby.map(m -> ", standby " + m.withCount(standbyCount)).orElse("")
        + "]";
  }

  /** Builds a validated {@link SupervisorPolicy}; starts from the recommended values. */
  @API(status = STABLE, since = "0.1.0")
  public static final class Builder {
    private String name;
    // A tick costs well under a millisecond of CPU, so checking four times a second is cheap,
    // and it bounds what exit events cannot see (a graceful shutdown, a hang) to a quarter second.
    private Duration checkInterval = Duration.ofMillis(250);
    private Duration probeTimeout = Duration.ofMillis(500);
    private ProbeDepth probeDepth = ProbeDepth.FULL;
    private int failureThreshold = 2;
    private boolean reactToExit = true;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(2);
    private double backoffMultiplier = 2.0;
    private double jitter = 0.2;
    private Duration stableUptime = Duration.ofSeconds(5);
    private Duration minServingUptime = Duration.ZERO;
    private boolean immediateRestart = true;
    private int maxRestarts = 10;
    private Duration restartWindow = Duration.ofMinutes(1);
    private Duration stopTimeout = Duration.ofSeconds(10);
    private OptionalLong randomSeed = OptionalLong.empty();
    private StandbyMode standby;
    private int standbyCount = 1;

    private Builder(String name) {
      this.name = name;
    }

    /** Renames the policy (shown in events and reports). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Sets the time between health checks; must be positive. */
    public Builder checkInterval(Duration interval) {
      this.checkInterval = interval;
      return this;
    }

    /** Sets the deadline of one probe; must be positive. */
    public Builder probeTimeout(Duration timeout) {
      this.probeTimeout = timeout;
      return this;
    }

    /** Sets how deep checks look. */
    public Builder probeDepth(ProbeDepth depth) {
      this.probeDepth = depth;
      return this;
    }

    /** Sets the consecutive failures that mark the server unhealthy; at least 1. */
    public Builder failureThreshold(int threshold) {
      this.failureThreshold = threshold;
      return this;
    }

    /** Sets whether exit events of the child mark it unhealthy at once. */
    public Builder reactToExit(boolean react) {
      this.reactToExit = react;
      return this;
    }

    /**
     * Sets the backoff: first delay, largest delay, growth per attempt (at least 1) and relative
     * jitter (0 to below 1).
     */
    public Builder backoff(Duration initial, Duration max, double multiplier, double jitter) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      this.backoffMultiplier = multiplier;
      this.jitter = jitter;
      return this;
    }

    /** Sets the uptime after which the backoff resets; zero resets it after every restart. */
    public Builder stableUptime(Duration uptime) {
      this.stableUptime = uptime;
      return this;
    }

    /**
     * Sets how long a server must have served to be replaced at once, with no backoff; at least
     * zero (zero: having reached ready is enough). See {@link SupervisorPolicy#minServingUptime()}.
     */
    public Builder minServingUptime(Duration uptime) {
      this.minServingUptime = uptime;
      this.immediateRestart = true;
      return this;
    }

    /** Always backs off before a restart, however long the server served (like basic()). */
    public Builder noImmediateRestart() {
      this.immediateRestart = false;
      return this;
    }

    /** Gives up after more than {@code max} restart attempts within {@code window}. */
    public Builder restartIntensity(int max, Duration window) {
      this.maxRestarts = max;
      this.restartWindow = window;
      return this;
    }

    /** Sets how long stopping waits for the supervisor thread; must be positive. */
    public Builder stopTimeout(Duration timeout) {
      this.stopTimeout = timeout;
      return this;
    }

    /** Draws the backoff jitter from this seed, so that a run replays. */
    public Builder randomSeed(long seed) {
      this.randomSeed = OptionalLong.of(seed);
      return this;
    }

    /**
     * Replaces servers with a warm standby (embedded backend only); see
     * {@link SupervisorPolicy#standby()}. One standby waits at once.
     */
    public Builder standby(StandbyMode mode) {
      return standby(mode, 1);
    }

    /**
     * Replaces servers with warm standbys, {@code count} (1 to 8) waiting at once, each another
     * server JVM; see {@link SupervisorPolicy#standby()}.
     */
    public Builder standby(StandbyMode mode, int count) {
      this.standby = Objects.requireNonNull(mode, "standby");
      this.standbyCount = count;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the setting, its value and what is accepted
     */
    public SupervisorPolicy build() {
      positive("checkInterval", checkInterval);
      positive("probeTimeout", probeTimeout);
      positive("initialBackoff", initialBackoff);
      positive("maxBackoff", maxBackoff);
      positive("restartWindow", restartWindow);
      positive("stopTimeout", stopTimeout);
      Objects.requireNonNull(probeDepth, "probeDepth");
      if (stableUptime == null || stableUptime.isNegative()) {
        throw new IllegalArgumentException(
            "stableUptime = " + stableUptime + "; accepted: a duration >= 0");
      }
      if (immediateRestart && (minServingUptime == null || minServingUptime.isNegative())) {
        throw new IllegalArgumentException("minServingUptime = " + minServingUptime
            + "; accepted: a duration >= 0 (0: a server that reached ready is replaced at once),"
            + " or noImmediateRestart() to always back off");
      }
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff = " + maxBackoff
            + " is below initialBackoff = " + initialBackoff + "; accepted: maxBackoff >= initialBackoff");
      }
      if (failureThreshold < 1) {
        throw new IllegalArgumentException(
            "failureThreshold = " + failureThreshold + "; accepted: an integer >= 1");
      }
      if (!(backoffMultiplier >= 1.0) || Double.isInfinite(backoffMultiplier)) {
        throw new IllegalArgumentException(
            "backoffMultiplier = " + backoffMultiplier + "; accepted: a finite number >= 1");
      }
      if (!(jitter >= 0.0 && jitter < 1.0)) {
        throw new IllegalArgumentException("jitter = " + jitter + "; accepted: 0 <= jitter < 1");
      }
      if (maxRestarts < 1) {
        throw new IllegalArgumentException(
            "maxRestarts = " + maxRestarts + "; accepted: an integer >= 1");
      }
      SettingRules.standbyCount("standbyCount", standbyCount);
      if (standby == StandbyMode.OFF && standbyCount != 1) {
        throw new InvalidSettingException("standbyCount", String.valueOf(standbyCount),
            "needs a standby, but standby = off", "standby(ON or AFTER_FIRST_RESTART, count), "
            + "or standby(OFF)");
      }
      return new SupervisorPolicy(this);
    }

    private static void positive(String setting, Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(
            setting + " = " + value + "; accepted: a positive duration");
      }
    }
  }
}
