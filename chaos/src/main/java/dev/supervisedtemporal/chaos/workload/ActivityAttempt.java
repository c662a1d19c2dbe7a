package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One execution of an activity seen by {@link ActivityRecorder} on a worker.
 *
 * @param workflowId the workflow that scheduled the activity
 * @param activityId the activity's id within the workflow (the same for every retry)
 * @param activityType the activity's type name
 * @param attempt the server's attempt number, from 1
 * @param nanoTime when the execution began ({@link System#nanoTime()})
 * @param at when the execution began, for people
 */
@API(status = EXPERIMENTAL)
public record ActivityAttempt(String workflowId, String activityId, String activityType,
    int attempt, long nanoTime, Instant at) {}
