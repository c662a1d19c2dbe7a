package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The IDE's {@code @Suite} discovers the same scenario classes the chaos suite runs. */
class ScenarioSuiteTest {

  @Test
  void theSuiteClassSelectsEveryScenario() {
    TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(ScenarioSuite.class)).build());
    Set<String> classes = plan.getRoots().stream()
        .flatMap(root -> plan.getDescendants(root).stream())
        .map(TestIdentifier::getSource).flatMap(java.util.Optional::stream)
        .filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getClassName())
        .filter(name -> name.endsWith("Scenario"))
        .collect(Collectors.toSet());
    assertThat(classes).containsExactlyInAnyOrderElementsOf(ScenarioCatalog.SCENARIOS.stream()
        .map(Class::getName).toList());
  }
}
