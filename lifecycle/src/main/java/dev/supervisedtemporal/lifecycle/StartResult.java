package dev.supervisedtemporal.lifecycle;

import java.time.Duration;

/**
 * What a call to {@link TemporalManager#start()} did.
 *
 * @param pid the server's pid (-1 for an external server)
 * @param port the port it listens on
 * @param reused whether a healthy running server was reused instead of spawning one
 * @param spawnToReady spawn → first SERVING health answer; zero when reused
 * @param attempts how many processes were spawned (more than one after port collisions)
 */
public record StartResult(long pid, int port, boolean reused, Duration spawnToReady,
    int attempts) {}
