package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** What a {@link SupervisorEvent} reports. */
@API(status = STABLE, since = "0.1.0")
public enum SupervisorEventType {
  /** The supervisor began watching. */
  STARTED,
  /** One health check finished; see {@link SupervisorEvent#healthy()}. */
  TICK,
  /** The server is healthy again after having been marked unhealthy. */
  HEALTHY,
  /** The server was marked unhealthy; the detail says why. */
  UNHEALTHY,
  /** The supervisor waits before a restart; the duration says how long. */
  BACKOFF,
  /** A restart begins; the attempt number counts all attempts so far. */
  RESTART_ATTEMPT,
  /** A restart succeeded; pid of the new server, duration spawn → ready. */
  RESTARTED,
  /** A restart failed; the detail says why. */
  RESTART_FAILED,
  /**
   * A restart was refused because a foreign process holds the server's port: the supervisor
   * waits (this does not count as a restart) and tries again after the duration; pid is the
   * holder's, the detail names its command.
   */
  PORT_HELD,
  /** Too many restarts in the window: the supervisor stopped trying; detail has the log tail. */
  GAVE_UP,
  /** The supervisor stopped; its thread is gone. */
  STOPPED
}
