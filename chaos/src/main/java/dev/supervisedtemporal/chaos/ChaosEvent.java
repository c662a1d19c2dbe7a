package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One timestamped thing chaos did: a fault injected, healed or refused, or an RPC recovered.
 *
 * @param type what happened
 * @param nanoTime monotonic time ({@link System#nanoTime()}, the scale of supervisor events)
 * @param at wall-clock time, for people
 * @param faultId the fault it concerns, unique within one {@link ChaosEvents} log
 * @param fault the kind of fault
 * @param pid the server pid the fault targets, or -1
 * @param helperPid a helper process the fault uses (port thief, decoy, lock holder), or -1
 * @param detail the result: what was done, or why not
 */
@API(status = STABLE)
public record ChaosEvent(ChaosEventType type, long nanoTime, Instant at, String faultId,
    FaultKind fault, long pid, long helperPid, String detail) {

  /** Checks the fields are present. */
  public ChaosEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(faultId, "faultId");
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(at).append(' ').append(type).append(' ')
        .append(faultId).append(' ').append(fault);
    if (pid > 0) {
      s.append(" pid=").append(pid);
    }
    if (helperPid > 0) {
      s.append(" helper=").append(helperPid);
    }
    if (!detail.isEmpty()) {
      s.append(" ").append(detail);
    }
    return s.toString();
  }
}
