package dev.supervisedtemporal.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test-only support of the suite's hidden {@code --inject-restart-backoff}: the recommended pass
 * runs with a longer restart backoff, which the extension (rightly) names policy
 * {@code custom}; to emulate what a slower {@code SupervisorPolicy.recommended()} would record,
 * this pass's event files are labelled {@code recommended} again, so the baseline gate compares
 * them with the recommended baseline. Their {@code RUN_META.backoffMs} still shows the injected
 * backoff.
 */
final class InjectedSlowdown {

  private static final String CUSTOM = "\"policy\":\"custom\"";
  private static final String RECOMMENDED = "\"policy\":\"recommended\"";

  private InjectedSlowdown() {}

  /** Relabels the events files of the pass {@code label} in {@code eventsDir}; returns how many. */
  static int relabel(Path eventsDir, String label) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(eventsDir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith("-" + label + ".jsonl")).toList();
    }
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      Files.writeString(f, text.replace(CUSTOM, RECOMMENDED), StandardCharsets.UTF_8);
    }
    return files.size();
  }
}
