package dev.supervisedtemporal.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.testing.ApiSurface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The events module's public surface is declared: every public type says with {@link API}
 * whether users may rely on it, and the README's API summary lists every public type under the
 * heading of its status. Reads the compiled classes, so a new public type cannot be missed.
 */
class PublicApiTest {

  @Test
  void everyPublicTypeDeclaresItsApiStatus() throws Exception {
    List<Class<?>> types = publicTypes();
    assertThat(types).as("the scan finds the module's public types")
        .contains(TimingEventType.class, TimingField.Kind.class, Json.class);
    assertThat(types).as("public types without @API(status = ...)")
        .filteredOn(t -> !t.isAnnotationPresent(API.class)).isEmpty();
  }

  @Test
  void theJsonImplementationIsInternal() throws Exception {
    assertThat(Json.class.getAnnotation(API.class).status()).isEqualTo(API.Status.INTERNAL);
    assertThat(publicTypes()).extracting(Class::getSimpleName)
        .as("the JSON parser and writer behind Json stay package-private")
        .doesNotContain("JsonParser", "JsonWriter");
  }

  @Test
  void theReadmeListsEveryPublicTypeUnderItsStatus() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(publicTypes()).filteredOn(t -> t.getEnclosingClass() == null)
        .as("public types missing from the section of their status in events/README.md")
        .filteredOn(t -> !ApiSurface.readmeSection(readme, t.getAnnotation(API.class).status())
            .contains("`" + t.getSimpleName() + "`"))
        .isEmpty();
  }

  /** The public types of this module (top-level, and nested ones reachable through them). */
  private static List<Class<?>> publicTypes() {
    return ApiSurface.publicTypes(TimingEventType.class);
  }
}
