package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Holds the summary of one run that the history keeps: when it ran, the baseline verdict with
 * its counts, and the key figures per backend × policy.
 *
 * @param generatedAt the report's {@code generatedAt}
 * @param verdict     {@code PASS}, {@code REGRESSION} or {@code NO BASELINE}
 * @param regressed   baseline entries that regressed or went missing (0 without a baseline)
 * @param checked     baseline entries checked (passed + regressed + missing)
 * @param skipped     baseline entries skipped (too few samples, or not run here)
 * @param keyFigures  the run's key figures
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record HistoryEntry(String generatedAt, String verdict, long regressed, long checked,
    long skipped, List<KeyFigures> keyFigures) {

  /** The verdict of a run checked against no baseline. */
  public static final String NO_BASELINE = "NO BASELINE";

  /** Copies the list. */
  public HistoryEntry {
    keyFigures = List.copyOf(keyFigures);
  }

  /** Summarises {@code report} and its check result ({@code null}: no baseline). */
  public static HistoryEntry of(TimingReport report, CheckResult check) {
    if (check == null) {
      return new HistoryEntry(report.generatedAt(), NO_BASELINE, 0, 0, 0, report.keyFigures());
    }
    long regressed = check.count(CheckOutcome.Status.REGRESSED) + check.count(CheckOutcome.Status.MISSING);
    long skipped = check.count(CheckOutcome.Status.SKIPPED_FEW_SAMPLES) + check.count(CheckOutcome.Status.NOT_RUN);
    return new HistoryEntry(report.generatedAt(), check.verdict(), regressed,
        regressed + check.count(CheckOutcome.Status.PASSED), skipped, report.keyFigures());
  }

  /** Returns the figures of {@code backend/policy}, or null when this run had none. */
  public KeyFigures figures(String backendPolicy) {
    for (KeyFigures k : keyFigures) {
      if (k.id().equals(backendPolicy)) {
        return k;
      }
    }
    return null;
  }
}
