package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What a call to {@link TemporalManager#start()} did.
 *
 * @param pid the server's pid (-1 for an external server)
 * @param port the port it listens on
 * @param reused whether a healthy running server was reused instead of spawning one
 * @param spawnToReady spawn → first SERVING health answer; zero when reused
 * @param attempts how many processes were spawned (more than one after port collisions)
 */
@API(status = STABLE, since = "0.1.0")
public record StartResult(long pid, int port, boolean reused, Duration spawnToReady,
    int attempts) {}
