package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.testing.ApiSurface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle module's public surface is declared: every public type says with {@link API}
 * whether users may rely on it, and the README's API summary names every type users may use.
 */
class PublicApiTest {

  @Test
  void everyPublicTypeDeclaresItsApiStatus() throws Exception {
    List<Class<?>> types = publicTypes();
    assertThat(types).as("the scan finds the module's public types")
        .contains(TemporalManager.class, TemporalManager.Builder.class, ShutdownRegistry.class);
    assertThat(types).as("public types without @API(status = ...)")
        .filteredOn(t -> !t.isAnnotationPresent(API.class)).isEmpty();
  }

  @Test
  void internalsAreMarkedInternal() throws Exception {
    assertThat(publicTypes()).filteredOn(t -> t.getPackageName().endsWith(".process")
            || t.getPackageName().endsWith(".state") && !t.getSimpleName().endsWith("Exception"))
        .isNotEmpty()
        .filteredOn(t -> t != dev.supervisedtemporal.lifecycle.process.ProcessIdentity.class)
        .allMatch(t -> t.getAnnotation(API.class).status() == API.Status.INTERNAL);
    assertThat(ShutdownRegistry.class.getAnnotation(API.class).status())
        .isEqualTo(API.Status.INTERNAL);
  }

  @Test
  void theReadmeSummarizesEveryTypeUsersMayUse() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(publicTypes()).filteredOn(t -> t.getEnclosingClass() == null)
        .filteredOn(t -> t.getAnnotation(API.class) != null
            && t.getAnnotation(API.class).status() != API.Status.INTERNAL)
        .as("public, non-internal types missing from lifecycle/README.md")
        .filteredOn(t -> !readme.contains("`" + t.getSimpleName() + "`"))
        .isEmpty();
  }

  /** The public types of this module (top-level, and nested ones reachable through them). */
  private static List<Class<?>> publicTypes() {
    return ApiSurface.publicTypes(TemporalManager.class);
  }
}
