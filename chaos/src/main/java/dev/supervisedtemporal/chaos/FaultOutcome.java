package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What happened to one planned fault of a schedule run.
 *
 * @param planned the plan entry
 * @param faultId the fault's id in the chaos events, or empty when it was refused
 * @param targetPid the server it targeted, or -1
 * @param injectedNanos when it was injected ({@link System#nanoTime()}), or 0 when refused
 * @param recovered whether a client RPC succeeded again within the recovery timeout
 * @param recoveryTime fault injected → first successful RPC, or zero when not recovered
 * @param error why it was refused or failed, or empty
 */
@API(status = EXPERIMENTAL)
public record FaultOutcome(ScheduledFault planned, String faultId, long targetPid,
    long injectedNanos, boolean recovered, Duration recoveryTime, String error) {}
