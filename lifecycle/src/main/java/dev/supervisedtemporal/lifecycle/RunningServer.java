package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One live server process a manager started, and what it knows of it.
 *
 * @param process our child
 * @param spawnStart the child's start time, read at spawn ({@link Instant#EPOCH} when unknown)
 * @param identity the identity verified once the server answered
 * @param port the port it serves
 * @param expectedExit set before we stop it ourselves, so its exit is not a crash
 */
record RunningServer(Process process, Instant spawnStart, ProcessIdentity identity, int port,
    AtomicBoolean expectedExit) {}
