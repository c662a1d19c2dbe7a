package dev.supervisedtemporal.lifecycle;

import java.time.Instant;

/**
 * The exit of a server process the manager started.
 *
 * @param pid the exited process
 * @param exitCode its exit code (128 + signal for a signal death, as the JDK reports it)
 * @param expected whether the manager itself ended it (stop, or cleanup before a restart)
 * @param nanoTime when the exit was observed, monotonic
 * @param at when the exit was observed, wall clock
 */
public record ServerExit(long pid, int exitCode, boolean expected, long nanoTime, Instant at) {}
