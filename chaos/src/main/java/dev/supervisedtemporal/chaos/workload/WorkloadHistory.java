package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.supervisedtemporal.chaos.ScheduledFault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Everything a workload run observed: every unit's timestamps, outcome, result and activity
 * executions, and the faults that hit the server meanwhile.
 *
 * @param workload the workload's name
 * @param seed the fault schedule's seed, or null when no faults ran
 * @param plan the planned faults that were reached, in order (empty without faults)
 * @param backend the server backend ({@code embedded}, {@code cli}, {@code external})
 * @param durable whether the server keeps workflows across a kill (persistent CLI or external)
 * @param startNanos when the run began ({@link System#nanoTime()})
 * @param startedAt when the run began, for people
 * @param endNanos when the last outcome was known
 * @param units every unit, by index
 * @param faults the faults injected during the run, in order
 */
@API(status = EXPERIMENTAL)
public record WorkloadHistory(String workload, Long seed, List<ScheduledFault> plan,
    String backend, boolean durable, long startNanos, Instant startedAt, long endNanos,
    List<UnitRecord> units, List<FaultWindow> faults) {

  /** Copies the lists. */
  public WorkloadHistory {
    Objects.requireNonNull(workload, "workload");
    plan = List.copyOf(plan);
    units = List.copyOf(units);
    faults = List.copyOf(faults);
  }

  /** The units with this outcome. */
  public List<UnitRecord> withOutcome(UnitOutcome outcome) {
    return units.stream().filter(u -> u.outcome() == outcome).collect(Collectors.toList());
  }

  /** The faults whose window overlaps the unit's life (start → outcome, or → run end). */
  public List<FaultWindow> faultsAround(UnitRecord unit) {
    long end = unit.completedNanos() < 0 ? endNanos : unit.completedNanos();
    return faults.stream().filter(f -> f.overlaps(unit.startNanos(), end))
        .collect(Collectors.toList());
  }

  /** Whether a fault overlapped the unit's life. */
  public boolean duringFaults(UnitRecord unit) {
    return !faultsAround(unit).isEmpty();
  }

  /** Latencies of the completed units a fault overlapped. */
  public LatencyStats latencyDuringFaults() {
    return latency(true);
  }

  /** Latencies of the completed units no fault overlapped. */
  public LatencyStats latencyOutsideFaults() {
    return latency(false);
  }

  /** Activity executions beyond the first per activity id, over all units. */
  public int duplicateActivityExecutions() {
    return units.stream().mapToInt(UnitRecord::duplicateActivityExecutions).sum();
  }

  /** The wall-clock time of a {@link System#nanoTime()} reading of this run. */
  public Instant wallTime(long nanoTime) {
    return startedAt.plusNanos(nanoTime - startNanos);
  }

  /** The run's length. */
  public Duration elapsed() {
    return Duration.ofNanos(endNanos - startNanos);
  }

  private LatencyStats latency(boolean during) {
    return LatencyStats.of(units.stream()
        .filter(u -> u.outcome() == UnitOutcome.COMPLETED && duringFaults(u) == during)
        .map(UnitRecord::latency).collect(Collectors.toList()));
  }
}
