package dev.supervisedtemporal.chaos;

/** What a {@link ChaosEvent} reports; the names are the {@code type} field of timing events. */
public enum ChaosEventType {
  /** A fault was injected: the OS action happened. */
  FAULT_INJECTED,
  /** A fault was undone (or found to need no undo); the detail says what was done. */
  FAULT_HEALED,
  /** A fault was refused before anything was done; the detail says why. */
  FAULT_REFUSED,
  /** The first successful client RPC ({@code GetSystemInfo}) after the fault. */
  RPC_RECOVERED
}
