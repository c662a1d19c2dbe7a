package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Every invalid setting fails its class before anything starts, with a message naming the
 * attribute (or key), the bad value and what is accepted. No server is started here.
 */
class MisconfigurationTest {

  private static final String DURATIONS =
      "accepted: a positive duration such as 250ms, 5s, 1m, 2h or ISO-8601 (PT0.25S)";

  static Stream<Arguments> invalidAttributes() {
    return Stream.of(
        Arguments.of(BadCheckInterval.class,
            "@WithSupervisedTemporal(checkInterval = \"fast\") is not a duration; " + DURATIONS),
        Arguments.of(BadProbeTimeout.class,
            "@WithSupervisedTemporal(probeTimeout = \"0ms\") is not positive; " + DURATIONS),
        Arguments.of(BadRestartBackoff.class,
            "@WithSupervisedTemporal(restartBackoff = \"-5s\") is not positive; " + DURATIONS),
        Arguments.of(BadStartupTimeout.class,
            "@WithSupervisedTemporal(startupTimeout = \"soon\") is not a duration; " + DURATIONS),
        Arguments.of(BadPort.class, "@WithSupervisedTemporal(port = 70000) is out of range; "
            + "accepted: an integer 0-65535 (0 picks a free port)"),
        Arguments.of(BadNamespace.class, "@WithSupervisedTemporal(namespace = \"no spaces\") is "
            + "not a namespace name; accepted: 1-255 letters, digits, '.', '_' or '-', starting "
            + "with a letter or digit"),
        Arguments.of(BlankNamespace.class, "@WithSupervisedTemporal(namespace = \"   \") is "
            + "not a namespace name; accepted: 1-255 letters, digits, '.', '_' or '-', starting "
            + "with a letter or digit"),
        Arguments.of(BadTarget.class, "@WithSupervisedTemporal(target = \"localhost\") is not an "
            + "address; accepted: host:port with port 1-65535, e.g. 127.0.0.1:7233"),
        Arguments.of(TargetWithoutExternal.class, "@WithSupervisedTemporal(target = "
            + "\"127.0.0.1:7233\") is only used with backend = EXTERNAL, but backend = EMBEDDED "
            + "(@WithSupervisedTemporal(backend = EMBEDDED)); accepted: no target, or backend = "
            + "EXTERNAL"),
        Arguments.of(ExternalWithoutTarget.class, "@WithSupervisedTemporal(backend = EXTERNAL) "
            + "needs a target; accepted: target = \"host:port\" (attribute target or "
            + "supervised.temporal.target)"),
        Arguments.of(BadMaxRestarts.class, "@WithSupervisedTemporal(maxRestarts = 0) is below 1; "
            + "accepted: an integer >= 1: restart attempts allowed within the policy's window"),
        Arguments.of(BadUiPort.class, "@WithSupervisedTemporal(uiPort = 65536) is out of range; "
            + "accepted: an integer 1-65535, or 0 for no UI (headless, the default)"));
  }

  @ParameterizedTest
  @MethodSource("invalidAttributes")
  void invalidAttributeFailsTheClassWithItsMessage(Class<?> fixture, String message) {
    assertFailsWith(run(fixture, Map.of()), message);
  }

  @Test
  void invalidConfigurationParameterFailsTheClassWithItsMessage() {
    assertFailsWith(run(Unconfigured.class, Map.of("supervised.temporal.backend", "quantum")),
        "configuration parameter supervised.temporal.backend = \"quantum\" is not a backend; "
            + "accepted: auto, embedded, cli or external");
    assertFailsWith(run(Unconfigured.class, Map.of("supervised.temporal.cli", "/nonexistent/t")),
        "configuration parameter supervised.temporal.cli = \"/nonexistent/t\" is not an "
            + "executable file; accepted: the path of an executable Temporal CLI binary");
    assertFailsWith(run(Unconfigured.class, Map.of("supervised.temporal.persistent", "yes")),
        "configuration parameter supervised.temporal.persistent = \"yes\" is not a boolean; "
            + "accepted: true or false");
    assertFailsWith(run(Unconfigured.class, Map.of("supervised.temporal.fail-on-leak", "maybe")),
        "configuration parameter supervised.temporal.fail-on-leak = \"maybe\" is not a boolean; "
            + "accepted: true or false");
    assertFailsWith(run(Unconfigured.class, Map.of("supervised.temporal.policy", "fast")),
        "configuration parameter supervised.temporal.policy = \"fast\" is not a policy preset; "
            + "accepted: basic or recommended");
    assertFailsWith(run(Unconfigured.class, Map.of("supervised.temporal.check-interval", "1.5s")),
        "configuration parameter supervised.temporal.check-interval = \"1.5s\" is not a "
            + "duration; " + DURATIONS);
  }

  @Test
  void invalidBuilderValueFailsTheClassWithItsMessage() {
    assertFailsWith(run(BadBuilder.class, Map.of()),
        "SupervisedTemporalExtension.builder().port(-2) is out of range; accepted: an integer "
            + "0-65535 (0 picks a free port)");
  }

  private static EngineExecutionResults run(Class<?> fixture, Map<String, String> config) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(fixture))
        .configurationParameters(config)
        .execute();
  }

  private static void assertFailsWith(EngineExecutionResults results, String message) {
    results.testEvents().assertStatistics(stats -> stats.started(0));
    Throwable failure = results.containerEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .findFirst().orElseThrow(() -> new AssertionError("the fixture class did not fail"));
    assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage(message);
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .noneMatch(name -> name.startsWith("supervised-temporal-supervisor"));
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
  }

  // ------------------------------------------------------------ fixtures: run only via the kit

  @WithSupervisedTemporal(checkInterval = "fast")
  static class BadCheckInterval {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(probeTimeout = "0ms")
  static class BadProbeTimeout {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(restartBackoff = "-5s")
  static class BadRestartBackoff {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(startupTimeout = "soon")
  static class BadStartupTimeout {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(port = 70000)
  static class BadPort {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(namespace = "   ")
  static class BlankNamespace {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(namespace = "no spaces")
  static class BadNamespace {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(backend = Backend.EXTERNAL, target = "localhost")
  static class BadTarget {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(backend = Backend.EMBEDDED, target = "127.0.0.1:7233")
  static class TargetWithoutExternal {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(backend = Backend.EXTERNAL)
  static class ExternalWithoutTarget {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(maxRestarts = 0)
  static class BadMaxRestarts {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal(backend = Backend.CLI, uiPort = 65536)
  static class BadUiPort {
    @Test
    void never() {}
  }

  @WithSupervisedTemporal
  static class Unconfigured {
    @Test
    void never() {}
  }

  static class BadBuilder {
    @RegisterExtension
    static SupervisedTemporalExtension temporal = SupervisedTemporalExtension.builder()
        .port(-2).build();

    @Test
    void never() {}
  }
}
