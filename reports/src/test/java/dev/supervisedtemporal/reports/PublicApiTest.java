package dev.supervisedtemporal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.testing.ApiSurface;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The reports module's public surface is declared: every public type says with {@link API}
 * whether users may rely on it, and the README's API summary lists every public type under the
 * heading of its status. Reads the compiled classes, so a new public type cannot be missed.
 */
class PublicApiTest {

  @Test
  void everyPublicTypeDeclaresItsApiStatus() throws Exception {
    List<Class<?>> types = publicTypes();
    assertThat(types).as("the scan finds the module's public types")
        .contains(TimingReport.class, CheckOutcome.Status.class, Stats.class);
    assertThat(types).as("public types without @API(status = ...)")
        .filteredOn(t -> !t.isAnnotationPresent(API.class)).isEmpty();
  }

  @Test
  void theCommandLineAndTheRenderersStayPackagePrivate() throws Exception {
    assertThat(publicTypes()).extracting(Class::getSimpleName)
        .as("the command line, calculators and renderers stay package-private")
        .doesNotContain("ReportsMain", "MetricCalculator", "ReportJson", "HtmlRenderer",
            "MarkdownRenderer", "BarChart", "LineChart", "Svg", "RunComparison");
    assertThat(ReportsMain.class.getDeclaredMethod("main", String[].class).getModifiers())
        .as("java -jar still finds public static main")
        .matches(m -> Modifier.isPublic(m) && Modifier.isStatic(m));
  }

  @Test
  void theReadmeListsEveryPublicTypeUnderItsStatus() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(publicTypes()).filteredOn(t -> t.getEnclosingClass() == null)
        .as("public types missing from the section of their status in reports/README.md")
        .filteredOn(t -> !ApiSurface.readmeSection(readme, t.getAnnotation(API.class).status())
            .contains("`" + t.getSimpleName() + "`"))
        .isEmpty();
  }

  /** The public types of this module (top-level, and nested ones reachable through them). */
  private static List<Class<?>> publicTypes() {
    return ApiSurface.publicTypes(TimingReport.class);
  }
}
