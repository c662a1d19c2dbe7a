package dev.supervisedtemporal.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chaos suite's command-line options, parsed and validated.
 *
 * @param backends the backends to run on: {@code embedded}, and {@code cli} when asked for
 * @param policies the policies to run: {@code basic}, {@code recommended}
 * @param includes tags or scenario names to keep (empty keeps all)
 * @param excludes tags or scenario names to drop
 * @param repeat how many times the selection runs (see {@code repeatOnly})
 * @param repeatOnly tags or scenario names that run {@code repeat} times; the others run once
 *     (empty: every selected scenario repeats)
 * @param randomSeed the chaos random seed (fault schedule and backoff jitter)
 * @param faults how many faults the seeded random scenario injects
 * @param policyScale the factor applied to the basic policy's intervals (documented in the README)
 * @param reportDir where events and the report go
 * @param baseline the baseline to compare with, or null
 * @param failOnRegression whether a regression against the baseline fails the run
 * @param historyDir where the last runs' summaries are kept, or null for none
 * @param historyKeep how many summaries the history keeps
 * @param injectRestartBackoff test-only: a longer restart backoff for the recommended pass (a
 *     duration such as {@code 1500ms}), to prove the regression gate fails; null normally
 * @param help whether only the help was asked for
 */
record SuiteOptions(List<String> backends, List<String> policies, List<String> includes,
    List<String> excludes, int repeat, List<String> repeatOnly, long randomSeed, int faults,
    double policyScale, Path reportDir, Path baseline, boolean failOnRegression, Path historyDir,
    int historyKeep, String injectRestartBackoff, boolean help) {

  /** How many run summaries the history keeps unless told otherwise. */
  public static final int DEFAULT_HISTORY_KEEP = 20;

  /** The basic policy's 5 s / 1 s become 250 ms / 50 ms: the shape kept, CI time saved. */
  public static final double DEFAULT_POLICY_SCALE = 0.05;

  /** Copies the lists defensively. */
  public SuiteOptions {
    backends = List.copyOf(backends);
    policies = List.copyOf(policies);
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    repeatOnly = List.copyOf(repeatOnly);
  }

  /** The help text: every option, its values and its default. */
  public static String usage() {
    return String.join("\n",
        "usage: chaos-suite [options]",
        "Runs the scenario suites (the six core cases and the chaos cases) against a real,",
        "supervised Temporal server and writes timing events and a report.",
        "",
        "  --backend B        embedded | cli | all    (default embedded; all = embedded, plus cli",
        "                     when a Temporal CLI is installed)",
        "  --policy P         basic | recommended | both    (default both)",
        "  --include X[,Y]    keep only scenarios with these tags or names (e.g. timing, crash)",
        "  --exclude X[,Y]    drop scenarios with these tags or names",
        "  --repeat N         run the selection N times (default 1)",
        "  --repeat-only X[,Y]  repeat only scenarios with these tags or names; the others run",
        "                     once (e.g. --repeat 3 --repeat-only crash,hang: more samples of",
        "                     the cheap timing scenarios for the baseline check)",
        "  --random-seed S    chaos random seed: same seed, same faults and jitter (default 42)",
        "  --faults N         faults in the seeded random scenario (default 12; e.g. 50 for a",
        "                     longer run)",
        "  --policy-scale F   factor on the basic policy's intervals (default 0.05: 5 s -> 250 ms)",
        "  --report-dir DIR   where events/ and report.{json,md,html} go (default",
        "                     target/chaos-report)",
        "  --baseline FILE    compare the report with this baseline and print the diff",
        "  --fail-on-regression  exit 1 when the baseline check finds a regression",
        "  --history-dir DIR  keep this run's key figures there, with the last runs' (default",
        "                     <report-dir>/../chaos-history); the report draws their trend",
        "  --history-keep N   how many runs the history keeps (default 20)",
        "  --no-history       keep no history",
        "  --help             this text",
        "",
        "Exit codes: 0 all scenarios passed, 1 a scenario failed (or a regression with",
        "--fail-on-regression), 2 bad options.");
  }

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the option, the value and what is accepted
   */
  public static SuiteOptions parse(String... args) {
    List<String> backends = List.of("embedded");
    List<String> policies = List.of("basic", "recommended");
    List<String> includes = new ArrayList<>();
    List<String> excludes = new ArrayList<>();
    int repeat = 1;
    List<String> repeatOnly = new ArrayList<>();
    Path historyDir = null;
    boolean noHistory = false;
    int historyKeep = DEFAULT_HISTORY_KEEP;
    String injectRestartBackoff = null;
    long randomSeed = 42;
    int faults = 12;
    double policyScale = DEFAULT_POLICY_SCALE;
    Path reportDir = Path.of("target", "chaos-report");
    Path baseline = null;
    boolean failOnRegression = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help", "-h" -> help = true;
        case "--fail-on-regression" -> failOnRegression = true;
        case "--backend" -> {
          String v = value(args, ++i, option).toLowerCase(Locale.ROOT);
          backends = switch (v) {
            case "embedded" -> List.of("embedded");
            case "cli" -> List.of("cli");
            case "all" -> List.of("embedded", "cli");
            default -> throw bad(option, v, "embedded, cli or all");
          };
        }
        case "--policy" -> {
          String v = value(args, ++i, option).toLowerCase(Locale.ROOT);
          policies = switch (v) {
            case "basic" -> List.of("basic");
            case "recommended" -> List.of("recommended");
            case "both" -> List.of("basic", "recommended");
            default -> throw bad(option, v, "basic, recommended or both");
          };
        }
        case "--include" -> includes.addAll(list(value(args, ++i, option)));
        case "--exclude" -> excludes.addAll(list(value(args, ++i, option)));
        case "--repeat" -> repeat = positiveInt(option, value(args, ++i, option));
        case "--repeat-only" -> repeatOnly.addAll(list(value(args, ++i, option)));
        case "--history-dir" -> historyDir = Path.of(value(args, ++i, option));
        case "--history-keep" -> historyKeep = positiveInt(option, value(args, ++i, option));
        case "--no-history" -> noHistory = true;
        case "--inject-restart-backoff" -> {
          // Hidden (test-only): proves the regression gate catches a slower policy.
          String v = value(args, ++i, option);
          if (!v.matches("[0-9]+(ms|s)")) {
            throw bad(option, v, "a duration such as 1500ms or 2s");
          }
          injectRestartBackoff = v;
        }
        case "--faults" -> faults = positiveInt(option, value(args, ++i, option));
        case "--random-seed" -> {
          String v = value(args, ++i, option);
          try {
            randomSeed = Long.parseLong(v);
          } catch (NumberFormatException e) {
            throw bad(option, v, "a whole number");
          }
        }
        case "--policy-scale" -> {
          String v = value(args, ++i, option);
          try {
            policyScale = Double.parseDouble(v);
          } catch (NumberFormatException e) {
            throw bad(option, v, "a number > 0 and <= 1");
          }
          if (!(policyScale > 0 && policyScale <= 1)) {
            throw bad(option, v, "a number > 0 and <= 1");
          }
        }
        case "--report-dir" -> reportDir = Path.of(value(args, ++i, option));
        case "--baseline" -> baseline = Path.of(value(args, ++i, option));
        default -> throw new IllegalArgumentException("unknown option '" + option
            + "'; see --help for the accepted options");
      }
    }
    if (noHistory && historyDir != null) {
      throw new IllegalArgumentException("--no-history and --history-dir exclude each other");
    }
    if (!noHistory && historyDir == null) {
      Path parent = reportDir.toAbsolutePath().getParent();
      historyDir = parent == null ? Path.of("chaos-history") : parent.resolve("chaos-history");
    }
    return new SuiteOptions(backends, policies, includes, excludes, repeat, repeatOnly, randomSeed,
        faults, policyScale, reportDir, baseline, failOnRegression, noHistory ? null : historyDir,
        historyKeep, injectRestartBackoff, help);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value; see --help");
    }
    return args[i];
  }

  private static List<String> list(String v) {
    List<String> items = new ArrayList<>();
    for (String item : v.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim().toLowerCase(Locale.ROOT));
      }
    }
    return items;
  }

  private static int positiveInt(String option, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw bad(option, v, "a whole number >= 1");
  }

  private static IllegalArgumentException bad(String option, String value, String accepted) {
    return new IllegalArgumentException(option + " = '" + value + "'; accepted: " + accepted);
  }
}
