package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Pairs the groups of two policies that saw the same faults in the same run (same scenario,
 * backend and fault kind) and gives the ratio other ÷ base for every metric both have.
 *
 * @param scenario    scenario
 * @param backend     backend
 * @param faultKind   fault kind, or {@link GroupKey#COST} for cost metrics
 * @param basePolicy  the reference side, {@code basic}
 * @param otherPolicy the compared side, {@code recommended}
 * @param rows        one row per metric statistic
 */
@API(status = INTERNAL, since = "0.1.0")
public record Comparison(String scenario, String backend, String faultKind, String basePolicy,
    String otherPolicy, List<ComparisonRow> rows) {
}
