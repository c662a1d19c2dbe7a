package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteOptionsTest {

  @Test
  void defaultsRunBothPoliciesOnTheEmbeddedServer() {
    SuiteOptions o = SuiteOptions.parse();
    assertThat(o.backends()).containsExactly("embedded");
    assertThat(o.policies()).containsExactly("basic", "recommended");
    assertThat(o.repeat()).isEqualTo(1);
    assertThat(o.randomSeed()).isEqualTo(42);
    assertThat(o.policyScale()).isEqualTo(0.05);
    assertThat(o.reportDir()).isEqualTo(Path.of("target", "chaos-report"));
  }

  @Test
  void everyOptionIsRead() {
    SuiteOptions o = SuiteOptions.parse("--backend", "all", "--policy", "basic", "--include",
        "timing,crash", "--exclude", "hang", "--repeat", "3", "--random-seed", "-7", "--faults", "50",
        "--policy-scale", "0.1", "--report-dir", "out", "--baseline", "b.json",
        "--fail-on-regression");
    assertThat(o.backends()).containsExactly("embedded", "cli");
    assertThat(o.policies()).containsExactly("basic");
    assertThat(o.includes()).containsExactly("timing", "crash");
    assertThat(o.excludes()).containsExactly("hang");
    assertThat(o.repeat()).isEqualTo(3);
    assertThat(o.randomSeed()).isEqualTo(-7);
    assertThat(o.faults()).isEqualTo(50);
    assertThat(o.policyScale()).isEqualTo(0.1);
    assertThat(o.baseline()).isEqualTo(Path.of("b.json"));
    assertThat(o.failOnRegression()).isTrue();
  }

  @Test
  void badValuesNameTheOptionAndWhatIsAccepted() {
    assertThatIllegalArgumentException().isThrownBy(() -> SuiteOptions.parse("--backend", "k8s"))
        .withMessage("--backend = 'k8s'; accepted: embedded, cli or all");
    assertThatIllegalArgumentException().isThrownBy(() -> SuiteOptions.parse("--repeat", "0"))
        .withMessage("--repeat = '0'; accepted: a whole number >= 1");
    assertThatIllegalArgumentException().isThrownBy(() -> SuiteOptions.parse("--random-seed", "x"))
        .withMessage("--random-seed = 'x'; accepted: a whole number");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SuiteOptions.parse("--policy-scale", "2"))
        .withMessage("--policy-scale = '2'; accepted: a number > 0 and <= 1");
    assertThatIllegalArgumentException().isThrownBy(() -> SuiteOptions.parse("--faults"))
        .withMessage("--faults needs a value; see --help");
    assertThatIllegalArgumentException().isThrownBy(() -> SuiteOptions.parse("--bogus"))
        .withMessageStartingWith("unknown option '--bogus'");
  }

  @Test
  void theMainExitsWithTwoOnBadOptionsAndExplainsEveryOptionOnHelp() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(ChaosSuiteMain.run(new String[] {"--policy", "fast"}, o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--policy = 'fast'; accepted: basic, recommended or both");
    assertThat(ChaosSuiteMain.run(new String[] {"--fail-on-regression", "--baseline", "absent.json"}, o,
        e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--fail-on-regression needs --baseline FILE naming an existing baseline; got absent.json");
    assertThat(ChaosSuiteMain.run(new String[] {"--help"}, o, e)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--backend", "--policy",
        "--include", "--exclude", "--repeat", "--random-seed", "--report-dir", "Exit codes");
  }

  @Test
  void theBasicPassRunsOnlyTimingScenariosAndFiltersMatchTagsAndNames() {
    SuiteOptions all = SuiteOptions.parse();
    List<Class<?>> basic = ScenarioCatalog.SCENARIOS.stream()
        .filter(c -> ChaosSuiteMain.selected(c, "basic", all)).toList();
    assertThat(basic).contains(CrashRecoveryScenario.class, HealthCheckFrequencyScenario.class)
        .doesNotContain(GracefulShutdownScenario.class, PortThiefScenario.class);
    assertThat(ScenarioCatalog.SCENARIOS.stream()
        .filter(c -> ChaosSuiteMain.selected(c, "recommended", all))).hasSize(14);

    SuiteOptions crash = SuiteOptions.parse("--include", "crash");
    assertThat(ScenarioCatalog.SCENARIOS.stream()
        .filter(c -> ChaosSuiteMain.selected(c, "recommended", crash)).toList())
        .containsExactly(CrashRecoveryScenario.class);
    SuiteOptions noChaos = SuiteOptions.parse("--exclude", "chaos");
    assertThat(ScenarioCatalog.SCENARIOS.stream()
        .filter(c -> ChaosSuiteMain.selected(c, "recommended", noChaos)).toList())
        .doesNotContain(HangScenario.class, PortThiefScenario.class)
        .contains(NormalStartupScenario.class);
  }

  @Test
  void theGateOptionsAreReadAndValidated() {
    SuiteOptions o = SuiteOptions.parse("--repeat", "3", "--repeat-only", "crashrecovery,Hang",
        "--history-dir", "h", "--history-keep", "5", "--inject-restart-backoff", "1500ms");
    assertThat(o.repeatOnly()).containsExactly("crashrecovery", "hang");
    assertThat(o.historyDir()).isEqualTo(Path.of("h"));
    assertThat(o.historyKeep()).isEqualTo(5);
    assertThat(o.injectRestartBackoff()).isEqualTo("1500ms");
    SuiteOptions defaults = SuiteOptions.parse("--report-dir", "out/report");
    assertThat(defaults.historyDir()).isEqualTo(Path.of("out/chaos-history").toAbsolutePath());
    assertThat(defaults.historyKeep()).isEqualTo(SuiteOptions.DEFAULT_HISTORY_KEEP);
    assertThat(defaults.injectRestartBackoff()).isNull();
    assertThat(SuiteOptions.parse("--no-history").historyDir()).isNull();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SuiteOptions.parse("--no-history", "--history-dir", "h"))
        .withMessageContaining("--no-history and --history-dir");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SuiteOptions.parse("--history-keep", "0"))
        .withMessage("--history-keep = '0'; accepted: a whole number >= 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SuiteOptions.parse("--inject-restart-backoff", "slow"))
        .withMessage("--inject-restart-backoff = 'slow'; accepted: a duration such as 1500ms or 2s");
  }

  @Test
  void onlyTheNamedScenariosRepeat() {
    SuiteOptions o = SuiteOptions.parse("--repeat", "3", "--repeat-only",
        "crashrecovery,hang,multiplerestarts,normalstartup");
    assertThat(ChaosSuiteMain.repeats(CrashRecoveryScenario.class, o)).isTrue();
    assertThat(ChaosSuiteMain.repeats(HangScenario.class, o)).isTrue();
    assertThat(ChaosSuiteMain.repeats(MultipleRestartsScenario.class, o)).isTrue();
    assertThat(ChaosSuiteMain.repeats(NormalStartupScenario.class, o)).isTrue();
    assertThat(ChaosSuiteMain.repeats(SeededChaosScenario.class, o)).isFalse();
    assertThat(ChaosSuiteMain.repeats(RestartStormScenario.class, o)).isFalse();
    assertThat(ChaosSuiteMain.repeats(SeededChaosScenario.class, SuiteOptions.parse("--repeat", "2")))
        .isTrue();
  }
}
