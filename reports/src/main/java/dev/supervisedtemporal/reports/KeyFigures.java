package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Holds the key figures of one backend × policy, pooled over every scenario the run gave it.
 *
 * @param backend     backend
 * @param policy      policy
 * @param figures     {@link KeyFigure#id()} → statistics; a figure without samples is absent
 *                    ("not measured")
 * @param ratioToBasic for a non-basic policy: {@link KeyFigure#id()} → this policy's headline
 *                    statistic ÷ the basic policy's, both taken over the scenarios both policies ran on
 *                    this backend; empty for the basic policy itself
 * @param missed      {@link KeyFigure#id()} → faults that figure never saw end (no
 *                    {@code UNHEALTHY} after a crash or hang, no recovery event); a p95 over the
 *                    detected faults alone would hide them. Client and worker recovery count only
 *                    in runs that record those events at all.
 */
@API(status = INTERNAL, since = "0.1.0")
public record KeyFigures(String backend, String policy, Map<String, Stats> figures,
    Map<String, Double> ratioToBasic, Map<String, Long> missed) {

  /** Returns the figure's statistics, or null when not measured. */
  public Stats get(KeyFigure figure) {
    return figures.get(figure.id());
  }

  /** Returns how many faults the figure never saw end (0 when none). */
  public long missed(KeyFigure figure) {
    return missed.getOrDefault(figure.id(), 0L);
  }

  /** Returns {@code backend/policy}. */
  public String id() {
    return backend + "/" + policy;
  }
}
