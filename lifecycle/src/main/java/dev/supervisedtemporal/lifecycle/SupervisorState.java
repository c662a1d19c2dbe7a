package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Where a {@link Supervisor} is in its life. */
@API(status = STABLE, since = "0.1.0")
public enum SupervisorState {
  /** Created, not yet started. */
  NEW,
  /** Checking a server it believes healthy. */
  RUNNING,
  /** The server was marked unhealthy; backing off or restarting. */
  RECOVERING,
  /** Too many restarts within the window; no more attempts. Terminal until stopped. */
  GAVE_UP,
  /** {@link Supervisor#stop()} has begun: no restart will start from here on. */
  STOPPING,
  /** Stopped; its thread is gone. */
  STOPPED
}
