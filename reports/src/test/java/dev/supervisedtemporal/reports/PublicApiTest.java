package dev.supervisedtemporal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
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
        .filteredOn(t -> !section(readme, t.getAnnotation(API.class).status())
            .contains("`" + t.getSimpleName() + "`"))
        .isEmpty();
  }

  /** The README's text under "### Stable", "### Experimental" or "### Internal". */
  private static String section(String readme, API.Status status) {
    String name = status.name().charAt(0) + status.name().substring(1).toLowerCase(Locale.ROOT);
    int start = readme.indexOf("\n### " + name);
    if (start < 0) {
      return "";
    }
    int end = readme.indexOf("\n#", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** The public types of this module (top-level, and nested ones reachable through them). */
  private static List<Class<?>> publicTypes() throws IOException, URISyntaxException {
    Path classes = Path.of(TimingReport.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    try (Stream<Path> walk = Files.walk(classes)) {
      return walk.filter(p -> p.toString().endsWith(".class"))
          .map(p -> classes.relativize(p).toString())
          .filter(n -> !n.equals("module-info.class") && !n.endsWith("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .<Class<?>>map(PublicApiTest::load)
          .filter(PublicApiTest::reachablyPublic)
          .toList();
    }
  }

  private static boolean reachablyPublic(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PublicApiTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
