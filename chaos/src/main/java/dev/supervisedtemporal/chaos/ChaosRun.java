package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The result of one {@link ChaosSchedule} run.
 *
 * @param seed the schedule's seed: running it again replays the same faults and gaps
 * @param faults each planned fault that was reached, in order
 * @param elapsed how long the run took
 */
@API(status = EXPERIMENTAL)
public record ChaosRun(long seed, List<FaultOutcome> faults, Duration elapsed) {

  /** Copies the list. */
  public ChaosRun {
    faults = List.copyOf(faults);
  }

  /** The planned entries that were reached, in order: comparable between runs of a seed. */
  public List<ScheduledFault> plan() {
    return faults.stream().map(FaultOutcome::planned).collect(Collectors.toList());
  }

  /** Whether every fault was injected and the server answered an RPC after each. */
  public boolean allRecovered() {
    return faults.stream().allMatch(f -> f.error().isEmpty() && f.recovered());
  }
}
