package dev.supervisedtemporal.lifecycle;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Shortens a start failure for an event's detail: the reason, the command abbreviated (a class
 * path alone can be kilobytes) and a few short log lines, so an event stays small however many
 * restarts fail. The full text stays in the exception and the server log.
 */
final class FailureSummary {

  static final int MAX_ARGS = 6;
  static final int MAX_ARG_CHARS = 60;
  static final int MAX_LOG_LINES = 5;
  static final int MAX_LINE_CHARS = 200;

  private FailureSummary() {}

  /** A short, single-purpose description of why a start failed. */
  static String of(Throwable failure) {
    if (!(failure instanceof TemporalStartException e)) {
      return clip(String.valueOf(failure.getMessage()).replace('\n', ' '), 4 * MAX_LINE_CHARS);
    }
    StringBuilder s = new StringBuilder(clip(e.reason(), 2 * MAX_LINE_CHARS));
    List<String> command = e.command();
    if (!command.isEmpty()) {
      s.append("; command: ").append(command.stream().limit(MAX_ARGS)
          .map(a -> clip(a, MAX_ARG_CHARS)).collect(Collectors.joining(" ")));
      if (command.size() > MAX_ARGS) {
        s.append(" … (").append(command.size() - MAX_ARGS).append(" more arguments)");
      }
    }
    List<String> tail = e.logTail();
    if (!tail.isEmpty()) {
      List<String> shown = tail.subList(Math.max(0, tail.size() - MAX_LOG_LINES), tail.size());
      s.append("; last ").append(shown.size()).append(" log lines:\n  ").append(shown.stream()
          .map(l -> clip(l, MAX_LINE_CHARS)).collect(Collectors.joining("\n  ")));
    }
    return s.toString();
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text
        : text.substring(0, max) + "…(" + (text.length() - max) + " more chars)";
  }
}
