package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the runnable chaos suite for real: every scenario on every installed backend (the CLI
 * dev server too where installed), both policies, and checks the outcome, the live lines and
 * the report.
 *
 * <p>This is also the CI gate on supervisor timing: the cheap timing scenarios run
 * {@value #REPEATS} times so the pooled key figures have enough samples, and the run fails when
 * the report regresses against the committed {@code reports/baseline.json}
 * ({@code --fail-on-regression}).
 */
class ChaosSuiteIT {

  /** How often the cheap timing scenarios run in the gate. */
  static final int REPEATS = 3;

  /** The cheap timing scenarios (a few seconds each) that the gate repeats. */
  static final String CHEAP = "crashrecovery,hang,multiplerestarts,normalstartup";

  /** The suite arguments of the gate; {@code scripts/timing-gate-proof} runs the same selection. */
  static String[] gateArgs(Path reportDir, Path baseline) {
    return new String[] {"--backend", "all", "--faults", "8", "--repeat", Integer.toString(REPEATS),
        "--repeat-only", CHEAP, "--report-dir", reportDir.toString(), "--baseline",
        baseline.toString(), "--fail-on-regression", "--history-dir",
        reportDir.resolveSibling("chaos-history").toString()};
  }

  @Test
  void theWholeSuitePassesAndWritesItsReport() throws Exception {
    Path reportDir = Path.of(System.getProperty("supervised.temporal.build-dir", "target"),
        "chaos-suite-it");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new Tee(System.out, captured), true,
        StandardCharsets.UTF_8);
    // Failsafe runs in the module folder; the committed baseline is the reactor's.
    Path baseline = Path.of("").toAbsolutePath().resolveSibling("reports").resolve("baseline.json");
    assertThat(baseline).as("committed baseline").isRegularFile();
    int exit = ChaosSuiteMain.run(gateArgs(reportDir, baseline), out, System.err);
    String text = captured.toString(StandardCharsets.UTF_8);

    assertThat(exit).as("exit code; output:%n%s", text).isZero();
    List<String> lines = text.lines().filter(l -> l.startsWith("PASSED")).toList();
    assertThat(lines).as("live lines").hasSizeGreaterThanOrEqualTo(18)
        .anySatisfy(l -> assertThat(l).contains("crash recovery", "embedded", "basic"))
        .anySatisfy(l -> assertThat(l).contains("port thief", "embedded", "recommended"));
    assertThat(text).contains("0 failed");
    assertThat(text).as("the gate checked the baseline").contains("Baseline check PASSED");
    assertThat(Files.readString(reportDir.resolve("report.md"))).contains("**PASS** against the baseline");
    for (String file : List.of("report.json", "report.md", "report.html")) {
      assertThat(reportDir.resolve(file)).isNotEmptyFile();
    }
    try (var events = Files.list(reportDir.resolve("events"))) {
      assertThat(events.map(p -> p.getFileName().toString()).toList())
          .contains("CrashRecoveryScenario-embedded-basic-r1.jsonl",
              "CrashRecoveryScenario-embedded-recommended-r1.jsonl",
              "CrashRecoveryScenario-embedded-recommended-r" + REPEATS + ".jsonl",
              "SeededChaosScenario-embedded-recommended-r1.jsonl")
          .doesNotContain("SeededChaosScenario-embedded-recommended-r2.jsonl");
    }
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive))
        .as("server processes after the suite").isEmpty();
  }

  /** Writes to two streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws java.io.IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }
  }
}
