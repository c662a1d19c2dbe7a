package dev.supervisedtemporal.extension;

/** The steps of starting a class's server, in order; tests use them to fail setup half way. */
enum SetupStep {
  /** The server answered health checks. */
  SERVER_STARTED,
  /** The supervisor watches the server. */
  SUPERVISOR_STARTED,
  /** The declared workers poll (only when the class declares workers). */
  WORKERS_STARTED
}
