package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Holds the outcome of comparing a run with a baseline and renders it as a readable diff.
 *
 * @param outcomes  one verdict per baseline entry, in baseline order
 * @param newGroups groups present in the run but not in the baseline (informational)
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record CheckResult(List<CheckOutcome> outcomes, List<String> newGroups) {

  /** Returns true when no entry regressed and none is missing. */
  public boolean passed() {
    return count(CheckOutcome.Status.REGRESSED) == 0 && count(CheckOutcome.Status.MISSING) == 0;
  }

  /** Returns how many entries have {@code status}. */
  public long count(CheckOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  /** Renders the verdict for people: a summary line, then failures first, then skips and new groups. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "Baseline check %s: %d regressed, %d missing, %d passed, %d skipped (sample count below minimum)"
            + ", %d not run here%n",
        passed() ? "PASSED" : "FAILED", count(CheckOutcome.Status.REGRESSED),
        count(CheckOutcome.Status.MISSING), count(CheckOutcome.Status.PASSED),
        count(CheckOutcome.Status.SKIPPED_FEW_SAMPLES), count(CheckOutcome.Status.NOT_RUN)));
    sb.append("Rule: regression when current > baseline x (1 + tolerance) + slack; lower is better.\n");
    for (CheckOutcome.Status status : List.of(CheckOutcome.Status.REGRESSED, CheckOutcome.Status.MISSING,
        CheckOutcome.Status.SKIPPED_FEW_SAMPLES)) {
      for (CheckOutcome o : outcomes) {
        if (o.status() == status) {
          sb.append(line(o)).append('\n');
        }
      }
    }
    for (String g : newGroups) {
      sb.append("NEW        ").append(g).append("  (not in baseline; not checked)\n");
    }
    return sb.toString();
  }

  /** Returns the headline verdict: {@code PASS} or {@code REGRESSION}. */
  public String verdict() {
    return passed() ? "PASS" : "REGRESSION";
  }

  private static String line(CheckOutcome o) {
    BaselineEntry e = o.entry();
    String name = e.group() + "  " + e.metric() + "." + e.stat();
    switch (o.status()) {
      case MISSING:
        return "MISSING    " + name + "  baseline " + Stats.fmt(e.baseline()) + " (n=" + e.n()
            + "), absent from this run";
      case SKIPPED_FEW_SAMPLES:
        return "SKIPPED    " + name + "  n=" + o.currentN() + " now, n=" + e.n() + " in baseline, minimum "
            + e.minSamples();
      default:
        Double r = o.ratio();
        return String.format(Locale.ROOT, "%-10s %s  baseline %s (n=%d)  current %s (n=%d)  ratio %s  limit %s",
            o.status() == CheckOutcome.Status.REGRESSED ? "REGRESSED" : "PASSED", name,
            Stats.fmt(e.baseline()), e.n(), Stats.fmt(o.current()), o.currentN(),
            r == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r), Stats.fmt(e.limit()));
    }
  }
}
