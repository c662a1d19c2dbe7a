package dev.supervisedtemporal.reports;

import java.util.List;

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
public record Comparison(String scenario, String backend, String faultKind, String basePolicy,
    String otherPolicy, List<ComparisonRow> rows) {
}
