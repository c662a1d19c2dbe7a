package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry of open faults, without a server: undo bookkeeping, order, events. */
class FaultRegistryTest {

  private TemporalManager manager;
  private ChaosEvents events;
  private FaultRegistry registry;
  private final List<String> undone = new ArrayList<>();

  @BeforeEach
  void create() {
    manager = TemporalManager.builder().backend(BackendKind.EXTERNAL).target("127.0.0.1:1")
        .build();
    events = new ChaosEvents();
    registry = new FaultRegistry(manager, events);
  }

  @AfterEach
  void close() {
    registry.healAll();
    manager.close();
  }

  private Fault lasting(FaultKind kind, String name) {
    return registry.inject(kind, f -> {
      f.onHeal(() -> {
        undone.add(name);
        return name + " undone";
      });
      return name + " done";
    });
  }

  @Test
  void healsOpenFaultsNewestFirstAndForgetsTheirUndo() {
    Fault a = lasting(FaultKind.SUSPEND, "a");
    Fault b = lasting(FaultKind.CORRUPT_PID_FILE, "b");
    Fault c = lasting(FaultKind.HOLD_LOCK, "c");
    assertThat(registry.open()).containsExactly(a, b, c);
    b.heal();
    registry.healAll();
    assertThat(undone).containsExactly("b", "c", "a");
    assertThat(registry.open()).isEmpty();
    assertThat(a.healResult()).isEqualTo("a undone");
    a.heal();
    assertThat(undone).as("healing is idempotent").hasSize(3);
    assertThat(events.ofFault(c.id())).extracting(ChaosEvent::type)
        .containsExactly(ChaosEventType.FAULT_INJECTED, ChaosEventType.FAULT_HEALED);
    assertThat(events.ofFault(c.id()).get(1).detail()).isEqualTo("c undone");
  }

  @Test
  void aOneShotFaultIsHealedAsSoonAsItIsInjected() {
    Fault kill = lasting(FaultKind.KILL, "kill");
    assertThat(kill.isHealed()).isTrue();
    assertThat(undone).containsExactly("kill");
    assertThat(registry.open()).isEmpty();
  }

  @Test
  void aRefusedFaultRunsItsUndoAndIsRecordedAsRefused() {
    assertThatThrownBy(() -> registry.inject(FaultKind.SUSPEND, f -> {
      f.onHeal(() -> {
        undone.add("partial");
        return "partial undone";
      });
      throw new FaultRefusedException("SUSPEND refused: test");
    })).isInstanceOf(FaultRefusedException.class).hasMessage("SUSPEND refused: test");
    assertThat(undone).containsExactly("partial");
    assertThat(registry.open()).isEmpty();
    assertThat(events.ofType(ChaosEventType.FAULT_REFUSED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("SUSPEND refused: test"));
    assertThat(events.ofType(ChaosEventType.FAULT_HEALED)).as("never injected").isEmpty();
  }

  @Test
  void aFailedInjectionNamesTheKind() {
    assertThatThrownBy(() -> registry.inject(FaultKind.STEAL_PORT, f -> {
      throw new java.io.IOException("no disk");
    })).isInstanceOf(IllegalStateException.class).hasMessage("STEAL_PORT failed: no disk");
  }

  @Test
  void healAllTriesEveryFaultAndThrowsTheFirstFailure() {
    Fault first = registry.inject(FaultKind.SUSPEND, f -> {
      f.onHeal(() -> {
        throw new IllegalStateException("first undo broke");
      });
      return "first";
    });
    lasting(FaultKind.HANG, "second");
    Fault third = registry.inject(FaultKind.HOLD_LOCK, f -> {
      f.onHeal(() -> {
        throw new IllegalStateException("third undo broke");
      });
      return "third";
    });
    assertThatThrownBy(registry::healAll).hasMessage("healing " + third.id() + " failed")
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .satisfies(s -> assertThat(s).hasMessage("healing " + first.id() + " failed")));
    assertThat(undone).containsExactly("second");
    assertThat(registry.open()).isEmpty();
  }
}
