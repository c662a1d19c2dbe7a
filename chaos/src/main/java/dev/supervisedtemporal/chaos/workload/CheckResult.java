package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What one check of a {@link Checker} found.
 *
 * @param name the check's name
 * @param passed whether it passed
 * @param failedUnits the units that failed it, by index
 * @param summary one line: what was checked and what was found
 */
@API(status = EXPERIMENTAL)
public record CheckResult(String name, boolean passed, List<UnitRecord> failedUnits,
    String summary) {

  /** Copies the list. */
  public CheckResult {
    failedUnits = List.copyOf(failedUnits);
  }

  /** A check that passed unless some units failed it. */
  public static CheckResult ofUnits(String name, List<UnitRecord> failed, String summary) {
    return new CheckResult(name, failed.isEmpty(), failed, summary);
  }
}
