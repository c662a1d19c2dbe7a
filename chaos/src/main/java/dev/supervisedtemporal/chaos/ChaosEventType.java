package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** What a {@link ChaosEvent} reports; the names are the {@code type} field of timing events. */
@API(status = STABLE)
public enum ChaosEventType {
  /** A fault was injected: the OS action happened. */
  FAULT_INJECTED,
  /** A fault was undone (or found to need no undo); the detail says what was done. */
  FAULT_HEALED,
  /** A fault was refused before anything was done; the detail says why. */
  FAULT_REFUSED,
  /**
   * Server-side recovery: the first successful {@code GetSystemInfo} of the manager's own probe
   * (a channel that resets its connect backoff after every failure) after the fault.
   */
  RPC_RECOVERED,
  /**
   * User-felt recovery: the first successful RPC on a client the user created before the fault
   * and kept across it (see {@link Chaos#watchClient}).
   */
  CLIENT_RECOVERED,
  /**
   * User-felt recovery of a worker: a worker started before the fault, on the user's client,
   * completed new work after it (see {@link Chaos#watchWorker}).
   */
  WORKER_RECOVERED,
  /** A workflow that was in flight at the fault completed (persistent backends only). */
  INFLIGHT_RECOVERED
}
