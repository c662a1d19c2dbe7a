package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.ShutdownRegistry.Phase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The shutdown registry runs its phases in order, every entry guarded, closed ones not at all. */
class ShutdownRegistryTest {

  @Test
  void phasesRunInOrderNewestFirstWithinAPhaseAndAFailureSkipsNothing() {
    ShutdownRegistry registry = new ShutdownRegistry();
    List<String> ran = new CopyOnWriteArrayList<>();
    registry.add(Phase.RELEASE_FILES, "lock", () -> ran.add("release lock"));
    registry.add(Phase.STOP_SERVERS, "server", () -> ran.add("stop server"));
    registry.add(Phase.UNDO_FAULTS, "first fault", () -> ran.add("heal first"));
    registry.add(Phase.UNDO_FAULTS, "failing fault", () -> {
      ran.add("heal failing");
      throw new IllegalStateException("cannot heal");
    });
    registry.add(Phase.UNDO_FAULTS, "last fault", () -> ran.add("heal last"));
    registry.add(Phase.STOP_SUPERVISORS, "supervisor", () -> ran.add("stop supervisor"));

    registry.runAll();

    assertThat(ran).containsExactly("stop supervisor", "heal last", "heal failing", "heal first",
        "stop server", "release lock");
  }

  @Test
  void aClosedEntryIsDeregisteredAndNotRun() {
    ShutdownRegistry registry = new ShutdownRegistry();
    List<String> ran = new CopyOnWriteArrayList<>();
    ShutdownRegistry.Entry healed = registry.add(Phase.UNDO_FAULTS, "healed", () -> ran.add("x"));
    registry.add(Phase.UNDO_FAULTS, "open", () -> ran.add("open"));
    assertThat(registry.openCount(Phase.UNDO_FAULTS)).isEqualTo(2);

    healed.close();
    healed.close();

    assertThat(registry.openCount(Phase.UNDO_FAULTS)).isEqualTo(1);
    registry.runAll();
    assertThat(ran).containsExactly("open");
  }
}
