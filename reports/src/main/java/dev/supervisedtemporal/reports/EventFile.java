package dev.supervisedtemporal.reports;

import java.nio.file.Path;
import java.util.List;

/**
 * Holds the validated events of one run unit's {@code *.jsonl} file, sorted by monotonic time,
 * together with the identity taken from its {@code RUN_META} line.
 */
record EventFile(Path path, String scenario, String backend, String policy, Event meta,
    Event result, List<Event> events) {

  /** Returns the file name, which is how reports refer to a run. */
  String name() {
    return path.getFileName().toString();
  }
}
