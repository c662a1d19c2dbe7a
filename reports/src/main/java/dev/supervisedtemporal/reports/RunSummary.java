package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Summarises one event file (one run unit): its identity, outcome, configuration, cost readings
 * and its tick spacings over time.
 *
 * @param file                       event file name
 * @param scenario                   scenario or test-class name
 * @param backend                    {@code embedded}, {@code cli} or {@code external}
 * @param policy                     {@code basic}, {@code recommended} or {@code custom}
 * @param outcome                    {@code PASSED}, {@code FAILED} or {@code SKIPPED}
 * @param durationMs                 scenario duration, or null
 * @param message                    scenario message, or null
 * @param checkIntervalMs            configured health-check interval
 * @param policyScale                scale applied to the basic policy (1 when none)
 * @param spawnToReadyRefMs          median spawn → ready of the run (normaliser), or null
 * @param rssAfterStartBytes         RSS of the first {@code RESOURCES}, or null
 * @param supervisorThreads          most supervisor threads seen, or null
 * @param supervisorCpuMsPer1000Ticks supervisor CPU per 1000 ticks, or null
 * @param ticks                      tick spacings over time
 */
@API(status = INTERNAL, since = "0.1.0")
public record RunSummary(String file, String scenario, String backend, String policy, String outcome,
    Double durationMs, String message, double checkIntervalMs, double policyScale,
    Double spawnToReadyRefMs, Long rssAfterStartBytes, Long supervisorThreads,
    Double supervisorCpuMsPer1000Ticks, List<TickPoint> ticks) {
}
