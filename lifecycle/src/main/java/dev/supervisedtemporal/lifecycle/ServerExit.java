package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The exit of a server process the manager started.
 *
 * @param pid the exited process
 * @param exitCode its exit code (128 + signal for a signal death, as the JDK reports it)
 * @param expected whether the manager itself ended it (stop, or cleanup before a restart)
 * @param nanoTime when the exit was observed, monotonic
 * @param at when the exit was observed, wall clock
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ServerExit(long pid, int exitCode, boolean expected, long nanoTime, Instant at) {}
