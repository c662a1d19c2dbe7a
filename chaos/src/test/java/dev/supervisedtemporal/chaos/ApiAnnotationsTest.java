package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.testing.ApiSurface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Every public top-level type of the chaos module says how stable it is with apiguardian's
 * {@code @API} and is in the README's API summary, and the internals stay package-private.
 * Reads the compiled classes, so a new public type cannot be missed.
 */
class ApiAnnotationsTest {

  @Test
  void everyPublicTypeCarriesAnApiStatus() throws Exception {
    Map<String, Optional<API.Status>> statuses = publicTypes();
    assertThat(statuses).as("public chaos types found").containsKeys(Chaos.class.getName(),
        Timeline.class.getName(), "dev.supervisedtemporal.chaos.workload.Workload");
    assertThat(statuses.entrySet()).as("public types without @API(status = ...)")
        .filteredOn(e -> e.getValue().isEmpty()).isEmpty();
    assertThat(statuses.get(Chaos.class.getName())).contains(API.Status.STABLE);
    assertThat(statuses).as("internals stay package-private")
        .doesNotContainKeys(GroupSignals.class.getName(), HelperProcess.class.getName(),
            FaultRegistry.class.getName(), OpenFaults.class.getName(),
            PortThiefMain.class.getName(), LockHolderMain.class.getName(),
            ProcState.class.getName(), ParentWatch.class.getName(), Undo.class.getName());
  }

  @Test
  void theReadmeListsEveryPublicTypeWithItsStatus() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    List<String> missing = new ArrayList<>();
    publicTypes().forEach((name, status) -> {
      String row = "| `" + name.substring(name.lastIndexOf('.') + 1) + "` | "
          + status.map(Enum::name).orElse("?") + " |";
      if (!readme.contains(row)) {
        missing.add(row);
      }
    });
    assertThat(missing).as("API summary rows missing from chaos/README.md").isEmpty();
  }

  /** The public top-level types of this module, by name, with their declared status. */
  private static Map<String, Optional<API.Status>> publicTypes() {
    Map<String, Optional<API.Status>> statuses = new TreeMap<>();
    ApiSurface.publicTypes(Chaos.class).stream().filter(t -> t.getEnclosingClass() == null)
        .forEach(t -> statuses.put(t.getName(),
            Optional.ofNullable(t.getAnnotation(API.class)).map(API::status)));
    return statuses;
  }
}
