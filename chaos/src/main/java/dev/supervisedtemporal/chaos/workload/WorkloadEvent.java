package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One timing event of a workload run ({@code WORKLOAD_UNIT}, {@code WORKLOAD_CHECK},
 * {@code WORKLOAD_VERDICT}), in the format of {@code docs/timing-events.md}, ready for a timing
 * event writer.
 *
 * @param type the event type
 * @param nanoTime when, on the {@link System#nanoTime()} scale
 * @param at when, for people
 * @param fields the event's own fields, in order
 */
@API(status = EXPERIMENTAL)
public record WorkloadEvent(String type, long nanoTime, Instant at, Map<String, Object> fields) {}
