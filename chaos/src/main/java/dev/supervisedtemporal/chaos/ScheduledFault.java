package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * One entry of a seeded {@link ChaosSchedule}'s plan.
 *
 * @param index the position in the sequence, from 0
 * @param gap the wait before the fault: from the run's start for the first, else from the
 *     previous fault's recovery (interval plus seeded jitter)
 * @param kind the fault to inject
 */
@API(status = EXPERIMENTAL)
public record ScheduledFault(int index, Duration gap, FaultKind kind) {}
