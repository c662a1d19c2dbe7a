package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Says which JUnit the tests really run on, and checks it when the build expects one: the
 * {@code junit6} executions of Surefire and Failsafe (extension/pom.xml, part of every build)
 * set {@code supervised.temporal.expected-junit}.
 */
class JUnitRuntimeTest {

  @Test
  void runsOnTheExpectedJUnit(TestReporter reporter) {
    check(reporter);
  }

  /** Reports the JUnit jars' versions and checks them against the expected one, if any. */
  static void check(TestReporter reporter) {
    Map<String, String> versions = Map.of(
        "jupiter-api", versionOf(org.junit.jupiter.api.Test.class),
        "jupiter-engine", versionOf(org.junit.jupiter.engine.JupiterTestEngine.class),
        "platform-engine", versionOf(org.junit.platform.engine.TestEngine.class),
        "platform-launcher", versionOf(org.junit.platform.launcher.Launcher.class),
        "platform-testkit", versionOf(org.junit.platform.testkit.engine.EngineTestKit.class));
    reporter.publishEntry(versions);
    System.out.println("JUnit at run time: " + versions);
    String expected = System.getProperty("supervised.temporal.expected-junit", "");
    if (!expected.isBlank()) {
      assertThat(versions).allSatisfy((jar, version) -> assertThat(version).as(jar)
          .isEqualTo(expected));
    }
  }

  private static String versionOf(Class<?> type) {
    String version = type.getPackage().getImplementationVersion();
    return version != null ? version
        : String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
  }
}
