package dev.supervisedtemporal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.workflow.WorkflowInterface;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scenarios module is not published: its only public types are the suite's entry point, the
 * extension's suite-run provider (ServiceLoader needs it public), and the workflow and activity
 * types the Temporal SDK instantiates and calls reflectively.
 */
class PublicSurfaceTest {

  @Test
  void onlyTheEntryPointAndTemporalTypesArePublic() throws Exception {
    Path classes = Path.of(ChaosSuiteMain.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    List<String> unexpected = new ArrayList<>();
    int temporalTypes = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class"))
          .filter(f -> !f.getFileName().toString().contains("$")).toList()) {
        String name = classes.relativize(file).toString().replace(file.getFileSystem()
            .getSeparator(), ".").replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        if (!Modifier.isPublic(type.getModifiers()) || type == ChaosSuiteMain.class
            || type == ChaosSuiteRuns.class) { // a ServiceLoader provider must be public
          continue;
        }
        if (isTemporalType(type)) {
          temporalTypes++;
        } else {
          unexpected.add(name);
        }
      }
    }
    assertThat(temporalTypes).as("workflow and activity types found").isPositive();
    assertThat(unexpected).as("public types that should be package-private").isEmpty();
  }

  private static boolean isTemporalType(Class<?> type) {
    return temporal(type) || Arrays.stream(type.getInterfaces())
        .anyMatch(PublicSurfaceTest::temporal);
  }

  private static boolean temporal(Class<?> type) {
    return type.isAnnotationPresent(WorkflowInterface.class)
        || type.isAnnotationPresent(ActivityInterface.class);
  }
}
