package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Toggle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.TestAbortedException;

/**
 * The server set-up attributes and keys, and skipping a class whose CLI is missing. A set-up the
 * backend cannot honour fails the class before anything starts. No server is started here.
 */
class ServerSetupSettingsTest {

  @Test
  void cliOnlySetUpOnTheEmbeddedServerFailsTheClassNamingTheAttribute() {
    assertFailsWith(run(DynamicConfigOnEmbedded.class, Map.of()),
        "@WithSupervisedTemporal(dynamicConfig = {\"limit.maxIDLength=255\"}) cannot be used: "
            + "dynamicConfig = [limit.maxIDLength=255] needs the cli backend, but backend = "
            + "embedded (the embedded Java test server has no such option); accepted: backend = "
            + "cli, or leave it out");
  }

  @Test
  void aBadSearchAttributeTypeFailsTheClass() {
    assertFailsWith(run(BadSearchAttribute.class, Map.of()),
        "@WithSupervisedTemporal(searchAttributes = {\"CustomerId=Uuid\"}) cannot be used: "
            + "searchAttributes = 'CustomerId=Uuid' has type 'Uuid'; accepted: Text, Keyword, "
            + "Int, Double, Bool, Datetime, KeywordList");
  }

  @Test
  void timeSkippingOnTheCliFailsTheClassBeforeAnythingStarts() {
    assertFailsWith(run(Unconfigured.class, Map.of("supervised.temporal.backend", "cli",
            "supervised.temporal.cli", "/bin/true", "supervised.temporal.time-skipping", "true")),
        "configuration parameter supervised.temporal.time-skipping = \"true\" cannot be used: "
            + "timeSkipping = true needs the embedded backend (the Java test server), but backend "
            + "= cli, which always runs in real time; accepted: timeSkipping = false, or backend "
            + "= embedded");
  }

  @Test
  void aBadUiPortKeyFailsTheClass() {
    assertFailsWith(run(Unconfigured.class, Map.of("supervised.temporal.ui-port", "x")),
        "configuration parameter supervised.temporal.ui-port = \"x\" is not an integer; "
            + "accepted: an integer 1-65535, or 0 for no UI (headless, the default)");
  }

  /**
   * Runs the CLI-only fixtures in a JVM that cannot find any Temporal CLI (no $TEMPORAL_CLI, a
   * PATH without one, a working directory without .tools): the opted-in class is aborted with
   * "Temporal CLI not installed", the other fails as before.
   */
  @Test
  void aClassAskingForAMissingCliIsSkippedWhenItOptsIn(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.txt");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        SkipProbe.class.getName(), out.toString());
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
    pb.environment().remove("TEMPORAL_CLI");
    pb.environment().put("PATH", "/usr/bin:/bin");
    Process p = pb.start();
    try {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the probe JVM ended").isTrue();
    } finally {
      p.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("log.txt"));
    assertThat(p.exitValue()).as(log).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).as(log).hasSize(2);
    assertThat(lines.get(0)).startsWith("skipped: aborted " + TestAbortedException.class.getName()
        + ": Temporal CLI not installed: @WithSupervisedTemporal(backend = CLI) with "
        + "skipIfUnavailable = true");
    assertThat(lines.get(1)).startsWith("failing: failed "
        + ExtensionConfigurationException.class.getName() + ": @WithSupervisedTemporal(backend = "
        + "CLI) cannot be used: backend = cli, but no Temporal CLI was found");
  }

  /** The child JVM's main: runs each fixture and writes "name: status class: message" lines. */
  static final class SkipProbe {
    public static void main(String[] args) throws IOException {
      StringBuilder out = new StringBuilder();
      out.append("skipped: ").append(outcome(CliOrSkip.class)).append('\n');
      out.append("failing: ").append(outcome(CliOrFail.class)).append('\n');
      Files.writeString(Path.of(args[0]), out.toString());
    }

    private static String outcome(Class<?> fixture) {
      EngineExecutionResults results = run(fixture, Map.of());
      if (results.testEvents().started().count() != 0) {
        return "a test ran";
      }
      TestExecutionResult r = results.containerEvents().finished().stream()
          .map(e -> e.getRequiredPayload(TestExecutionResult.class))
          .filter(x -> x.getStatus() != TestExecutionResult.Status.SUCCESSFUL)
          .findFirst().orElse(null);
      if (r == null) {
        return "succeeded";
      }
      Throwable t = r.getThrowable().orElse(null);
      return (r.getStatus() == TestExecutionResult.Status.ABORTED ? "aborted " : "failed ")
          + (t == null ? "" : t.getClass().getName() + ": " + t.getMessage());
    }
  }

  private static EngineExecutionResults run(Class<?> fixture, Map<String, String> config) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
        .configurationParameters(config).execute();
  }

  private static void assertFailsWith(EngineExecutionResults results, String message) {
    results.testEvents().assertStatistics(stats -> stats.started(0));
    Throwable failure = results.containerEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .findFirst().orElseThrow(() -> new AssertionError("the fixture class did not fail"));
    assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage(message);
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
  }

  // ------------------------------------------------------------ fixtures: run only via the kit

  @WithSupervisedTemporal(backend = Backend.EMBEDDED, dynamicConfig = "limit.maxIDLength=255")
  static class DynamicConfigOnEmbedded {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED, searchAttributes = "CustomerId=Uuid")
  static class BadSearchAttribute {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal
  static class Unconfigured {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(backend = Backend.CLI, skipIfUnavailable = Toggle.ON)
  static class CliOrSkip {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(backend = Backend.CLI)
  static class CliOrFail {
    @Test
    void never() {}
  }
}
