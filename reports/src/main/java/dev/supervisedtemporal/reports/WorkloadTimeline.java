package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One workload run of an event file, as a timeline: every unit's start and latency, the faults
 * and the supervisor's reactions, and the checker's figures. What the Jepsen-style chart draws.
 *
 * @param file     event file name
 * @param scenario scenario or test-class name
 * @param backend  {@code embedded}, {@code cli} or {@code external}
 * @param policy   the supervisor policy
 * @param workload the workload's name
 * @param seed     the fault schedule's seed, or null
 * @param units    every unit, in start order
 * @param faults   the faults during the run
 * @param marks    the supervisor's reactions during the run
 * @param figures  the numeric fields of {@code WORKLOAD_VERDICT} (units, faults, lost, wrong,
 *                 duplicateActivityExecutions, duringP50Ms, ...); empty when there was none
 * @param passed   whether the verdict passed (false when there was none)
 */
@API(status = INTERNAL, since = "0.1.0")
public record WorkloadTimeline(String file, String scenario, String backend, String policy,
    String workload, Long seed, List<WorkloadPoint> units, List<FaultSpan> faults,
    List<SupervisorMark> marks, Map<String, Double> figures, boolean passed) {

  /** Copies the collections. */
  public WorkloadTimeline {
    units = List.copyOf(units);
    faults = List.copyOf(faults);
    marks = List.copyOf(marks);
    figures = Map.copyOf(figures);
  }
}
