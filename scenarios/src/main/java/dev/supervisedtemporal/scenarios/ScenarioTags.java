package dev.supervisedtemporal.scenarios;

/** The tags that sort scenarios; the suite's {@code --include}/{@code --exclude} use them. */
final class ScenarioTags {

  /**
   * One of the six core lifecycle cases: normal startup, crash recovery, graceful shutdown,
   * multiple restarts, no restart during shutdown, health-check frequency.
   */
  public static final String CORE_CASE = "core-case";

  /** A case the basic policy is blind to, or a chaos run. */
  public static final String CHAOS = "chaos";

  /** Timing is the point: run under the basic policy and the recommended policy. */
  public static final String TIMING = "timing";

  private ScenarioTags() {}
}
