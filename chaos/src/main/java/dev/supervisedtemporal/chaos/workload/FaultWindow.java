package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.supervisedtemporal.chaos.FaultKind;
import org.apiguardian.api.API;

/**
 * One fault of a workload run, from injection to the first successful client RPC after it.
 *
 * @param faultId the fault's id in the chaos events (e.g. {@code kill-3})
 * @param kind the fault's kind
 * @param injectedNanos when it was injected ({@link System#nanoTime()})
 * @param healedNanos when it was healed, or the injection time for a one-shot signal
 * @param endNanos when a client RPC succeeded again, else the heal time
 */
@API(status = EXPERIMENTAL)
public record FaultWindow(String faultId, FaultKind kind, long injectedNanos, long healedNanos,
    long endNanos) {

  /** Whether the window overlaps {@code [from, to]} (nanoTime). */
  public boolean overlaps(long from, long to) {
    return injectedNanos <= to && endNanos >= from;
  }
}
