package dev.supervisedtemporal.lifecycle;

/** Where a {@link Supervisor} is in its life. */
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
