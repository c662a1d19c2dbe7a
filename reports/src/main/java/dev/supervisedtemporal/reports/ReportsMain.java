package dev.supervisedtemporal.reports;

import dev.supervisedtemporal.events.EventFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the reports command line: {@code render}, {@code check}, {@code update-baseline} and
 * {@code compare}.
 *
 * <p>Exit status: 0 success; 1 the check found a regression or missing metric; 2 usage error
 * (unknown command or option, missing or bad value); 3 bad input (malformed event file,
 * unreadable report or baseline).
 */
final class ReportsMain {

  static final int OK = 0;
  static final int REGRESSION = 1;
  static final int USAGE = 2;
  static final int BAD_INPUT = 3;
  static final int DEFAULT_HISTORY_KEEP = 20;

  static final String HELP = String.join("\n",
      "Usage: reports <command> [options]",
      "",
      "Commands:",
      "  render --events DIR --out DIR [--baseline FILE] [--history-dir DIR] [--history-keep N]",
      "      Read the *.jsonl timing events in DIR and write report.json, report.md and",
      "      report.html into --out. With --baseline, also run the check (exit 1 on regression)",
      "      and put its verdict at the top. With --history-dir, keep this run's key figures there",
      "      with the last N runs' (default 20) and draw their trends.",
      "  check --report FILE --baseline FILE",
      "      Compare a report.json with a baseline; print a readable diff; exit 1 when a metric",
      "      regressed beyond tolerance or is missing. Entries with too few samples are skipped",
      "      and listed.",
      "  update-baseline --report FILE --baseline FILE",
      "      Write the baseline from a report.json, keeping the tolerances of existing entries.",
      "  compare --base FILE --current FILE",
      "      Compare the key figures of two runs (report.json or history run-*.json files):",
      "      per figure both values, the delta and the change in percent.",
      "",
      "Options:",
      "  -h, --help   this text",
      "",
      "Exit status: 0 ok, 1 regression, 2 usage error, 3 bad input (malformed events, unreadable files).",
      "");

  private static final Map<String, Set<String>> OPTIONS = Map.of(
      "render", Set.of("--events", "--out", "--baseline", "--history-dir", "--history-keep"),
      "compare", Set.of("--base", "--current"),
      "check", Set.of("--report", "--baseline"),
      "update-baseline", Set.of("--report", "--baseline"));

  private ReportsMain() {
  }

  /** Runs the command line and exits the JVM with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line, writing to {@code out}/{@code err}, and returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      return dispatch(args, out);
    } catch (UsageException e) {
      err.println("reports: " + e.getMessage());
      err.println("Try 'reports --help'.");
      return USAGE;
    } catch (EventFormatException e) {
      err.println("reports: bad event file, no report written: " + e.getMessage());
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("reports: " + e.getMessage());
      return BAD_INPUT;
    }
  }

  private static int dispatch(String[] args, PrintStream out) throws UsageException, IOException {
    if (args.length == 0) {
      throw new UsageException("missing command (render, check, update-baseline, compare)");
    }
    if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
      out.print(HELP);
      return OK;
    }
    String command = args[0];
    if (!OPTIONS.containsKey(command)) {
      throw new UsageException("unknown command '" + command + "' (expected render, check, update-baseline or compare)");
    }
    Map<String, String> opts = parse(command, args);
    switch (command) {
      case "render": {
        Path events = existingDir(opts, "--events");
        Path outDir = path(opts, "--out", true);
        Path baselineFile = opts.containsKey("--baseline") ? existingFile(opts, "--baseline") : null;
        Baseline baseline = baselineFile == null ? null : Baseline.read(baselineFile);
        Path historyDir = path(opts, "--history-dir", false);
        int keep = DEFAULT_HISTORY_KEEP;
        if (opts.containsKey("--history-keep")) {
          if (historyDir == null) {
            throw new UsageException("--history-keep needs --history-dir");
          }
          keep = positive(opts, "--history-keep");
        }
        TimingReport report = TimingReport.fromEventsDir(events);
        CheckResult result = baseline == null ? null : BaselineCheck.check(report, baseline);
        List<HistoryEntry> history = historyDir == null ? List.of()
            : RunHistory.record(historyDir, keep, report, result);
        List<Path> written = ReportWriter.write(report, outDir, result, history);
        for (Path p : written) {
          out.println("wrote " + p);
        }
        if (historyDir != null) {
          out.println("history: " + history.size() + " run(s) in " + historyDir);
        }
        if (result == null) {
          return OK;
        }
        out.print(result.render());
        return result.passed() ? OK : REGRESSION;
      }
      case "compare": {
        HistoryEntry base = RunHistory.readEntry(existingFile(opts, "--base"));
        HistoryEntry current = RunHistory.readEntry(existingFile(opts, "--current"));
        out.print(RunComparison.render(base, current));
        return OK;
      }
      case "check": {
        TimingReport report = TimingReport.readJson(existingFile(opts, "--report"));
        Baseline baseline = Baseline.read(existingFile(opts, "--baseline"));
        CheckResult result = BaselineCheck.check(report, baseline);
        out.print(result.render());
        return result.passed() ? OK : REGRESSION;
      }
      default: {
        TimingReport report = TimingReport.readJson(existingFile(opts, "--report"));
        Path baselineFile = path(opts, "--baseline", true);
        Baseline previous = Files.isRegularFile(baselineFile) ? Baseline.read(baselineFile) : null;
        Baseline baseline = Baseline.fromReport(report, previous);
        baseline.write(baselineFile);
        out.println("wrote " + baselineFile + " (" + baseline.entries().size() + " entries"
            + (previous == null ? "" : ", tolerances kept from the previous baseline") + ")");
        return OK;
      }
    }
  }

  private static Map<String, String> parse(String command, String[] args) throws UsageException {
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (!OPTIONS.get(command).contains(name)) {
        throw new UsageException("unknown option '" + a + "' for " + command
            + " (expected " + String.join(", ", OPTIONS.get(command).stream().sorted().toList()) + ")");
      }
      if (value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new UsageException("option " + name + " needs a value");
        }
        value = args[++i];
      }
      if (value.isBlank()) {
        throw new UsageException("option " + name + " has an empty value");
      }
      if (opts.put(name, value) != null) {
        throw new UsageException("option " + name + " given twice");
      }
    }
    return opts;
  }

  private static Path path(Map<String, String> opts, String name, boolean required) throws UsageException {
    String v = opts.get(name);
    if (v == null) {
      if (required) {
        throw new UsageException("missing required option " + name);
      }
      return null;
    }
    try {
      return Path.of(v);
    } catch (InvalidPathException e) {
      throw new UsageException("bad value for " + name + ": " + e.getMessage());
    }
  }

  private static int positive(Map<String, String> opts, String name) throws UsageException {
    String v = opts.get(name);
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw new UsageException("bad value for " + name + ": '" + v + "' (accepted: a whole number >= 1)");
  }

  private static Path existingDir(Map<String, String> opts, String name) throws UsageException {
    Path p = path(opts, name, true);
    if (!Files.isDirectory(p)) {
      throw new UsageException("bad value for " + name + ": not a directory: " + p);
    }
    return p;
  }

  private static Path existingFile(Map<String, String> opts, String name) throws UsageException {
    Path p = path(opts, name, true);
    if (!Files.isRegularFile(p)) {
      throw new UsageException("bad value for " + name + ": no such file: " + p);
    }
    return p;
  }
}
