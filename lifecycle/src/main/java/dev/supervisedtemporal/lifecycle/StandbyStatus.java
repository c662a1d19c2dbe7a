package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a manager's standbys are doing, for tests, leak checks and reports.
 *
 * @param mode the configured mode
 * @param count how many standbys the manager keeps (0 with {@link StandbyMode#OFF})
 * @param pid the pid of the standby the next promotion takes, or -1 when there is none
 * @param warm whether that standby has finished warming up (it announces it in the server log)
 * @param pids the pids of all standbys waiting to be promoted, oldest first
 * @param warmCount how many of them have finished warming up
 * @param promotions how many replacements were served by a promoted standby
 * @param failedPromotions how many standbys could not be promoted (gone, not told, or not
 *     serving); the replacement then took the next standby or started cold
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record StandbyStatus(StandbyMode mode, int count, long pid, boolean warm, List<Long> pids,
    int warmCount, int promotions, int failedPromotions) {

  /** Copies the pid list. */
  public StandbyStatus {
    pids = List.copyOf(pids);
  }
}
