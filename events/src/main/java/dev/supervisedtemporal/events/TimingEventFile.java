package dev.supervisedtemporal.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Holds the validated events of one run unit's {@code *.jsonl} file, sorted by monotonic time,
 * together with the identity taken from its {@code RUN_META} line.
 *
 * @param path the file
 * @param scenario the scenario of its {@code RUN_META}
 * @param backend the backend of its {@code RUN_META}
 * @param policy the policy of its {@code RUN_META}
 * @param meta the {@code RUN_META} event (first line)
 * @param result the {@code SCENARIO_RESULT} event (last line)
 * @param events every event of the file, sorted by {@code t}
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record TimingEventFile(Path path, String scenario, String backend, String policy,
    TimingEvent meta, TimingEvent result, List<TimingEvent> events) {

  /** Returns the file name, which is how reports refer to a run. */
  public String name() {
    return path.getFileName().toString();
  }
}
