package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One fault on a workload run's timeline, from injection to heal and to the first successful
 * client RPC after it.
 *
 * @param faultId   the fault's id
 * @param kind      {@code KILL}, {@code TERMINATE}, {@code SUSPEND}, ...
 * @param fromMs    when it was injected, ms since the run's first start
 * @param healedMs  when it was healed (the injection for a one-shot signal)
 * @param toMs      when a client RPC succeeded again, else the heal
 */
@API(status = INTERNAL, since = "0.1.0")
public record FaultSpan(String faultId, String kind, double fromMs, double healedMs, double toMs) {
}
