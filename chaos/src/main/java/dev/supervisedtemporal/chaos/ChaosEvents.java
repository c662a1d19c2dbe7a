package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.STABLE;

import dev.supervisedtemporal.lifecycle.EventLog;
import dev.supervisedtemporal.lifecycle.SupervisorEvents;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * The timestamped log of injected, healed and refused faults and recovered RPCs, with listeners.
 *
 * <p>Thread-safe, an {@link EventLog} like {@link SupervisorEvents}, so both logs can be written
 * side by side. It also hands out fault ids that are unique within the log. A listener that
 * throws is logged and skipped.
 */
@API(status = STABLE)
public final class ChaosEvents extends EventLog<ChaosEvent> {

  private final AtomicInteger sequence = new AtomicInteger();

  /** Every event of the type so far, oldest first. */
  public List<ChaosEvent> ofType(ChaosEventType type) {
    return matching(e -> e.type() == type);
  }

  /** Every event about the fault, oldest first. */
  public List<ChaosEvent> ofFault(String faultId) {
    return matching(e -> e.faultId().equals(faultId));
  }

  /** A fault id unique within this log, such as {@code kill-3}. */
  String nextFaultId(FaultKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
        + sequence.incrementAndGet();
  }
}
