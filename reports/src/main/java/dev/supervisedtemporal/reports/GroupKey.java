package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Comparator;
import org.apiguardian.api.API;

/**
 * Identifies one metric group: scenario × backend × policy × fault kind. The fault kind is
 * {@value #NO_FAULT} for time before the first fault of a run and {@value #COST} for the
 * per-run cost metrics.
 */
@API(status = INTERNAL, since = "0.1.0")
public record GroupKey(String scenario, String backend, String policy, String faultKind)
    implements Comparable<GroupKey> {

  /** Fault kind of everything that happens before a run's first fault. */
  public static final String NO_FAULT = "NONE";

  /** Pseudo fault kind of the cost group (RSS, threads, CPU), which is per run, not per fault. */
  public static final String COST = "cost";

  private static final Comparator<GroupKey> ORDER = Comparator.comparing(GroupKey::scenario)
      .thenComparing(GroupKey::backend).thenComparing(GroupKey::faultKind)
      .thenComparing(GroupKey::policy);

  /** Returns {@code scenario/backend/policy/faultKind}, the id baselines use. */
  public String id() {
    return scenario + "/" + backend + "/" + policy + "/" + faultKind;
  }

  @Override
  public int compareTo(GroupKey other) {
    return ORDER.compare(this, other);
  }
}
