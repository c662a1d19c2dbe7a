package dev.supervisedtemporal.scenarios;

/** The tags that sort scenarios; the suite's {@code --include}/{@code --exclude} use them. */
final class ScenarioTags {

  /** One of the six cases of the seed's manual testing guide. */
  public static final String SEED_CASE = "seed-case";

  /** A case the seed is blind to, or a chaos run. */
  public static final String CHAOS = "chaos";

  /** Timing is the point: run under the seed policy and the recommended policy. */
  public static final String TIMING = "timing";

  private ScenarioTags() {}
}
