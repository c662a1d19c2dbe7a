package dev.supervisedtemporal.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Writes a report's three files — {@code report.json}, {@code report.md}, {@code report.html} —
 * into a report folder.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ReportWriter {

  /** File name of the machine-readable report. */
  public static final String JSON = "report.json";
  /** File name of the Markdown summary. */
  public static final String MARKDOWN = "report.md";
  /** File name of the self-contained HTML report. */
  public static final String HTML = "report.html";

  private ReportWriter() {
  }

  /**
   * Renders all three outputs in memory first, then writes each atomically into {@code dir}
   * (created if needed), so a rendering failure leaves no partial report behind.
   *
   * @return the written files, JSON first
   */
  public static List<Path> write(TimingReport report, Path dir) throws IOException {
    return write(report, dir, null, List.of());
  }

  /**
   * Like {@link #write(TimingReport, Path)}, with the verdict of {@code check} ({@code null}: no
   * baseline) at the top of report.md and report.html, and the trends of {@code history} (the kept
   * run summaries, oldest first, see {@link RunHistory}) in report.html.
   *
   * @return the written files, JSON first
   */
  public static List<Path> write(TimingReport report, Path dir, CheckResult check, List<HistoryEntry> history)
      throws IOException {
    String json = report.toJson();
    String md = MarkdownRenderer.render(report, check);
    String html = HtmlRenderer.render(report, check, history);
    Files.createDirectories(dir);
    AtomicFiles.writeString(dir.resolve(JSON), json);
    AtomicFiles.writeString(dir.resolve(MARKDOWN), md);
    AtomicFiles.writeString(dir.resolve(HTML), html);
    return List.of(dir.resolve(JSON), dir.resolve(MARKDOWN), dir.resolve(HTML));
  }
}
