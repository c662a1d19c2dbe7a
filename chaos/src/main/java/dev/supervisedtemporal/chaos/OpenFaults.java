package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.ShutdownRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every fault of this JVM that is not healed yet, registered with the lifecycle's
 * {@link ShutdownRegistry} in its {@link ShutdownRegistry.Phase#UNDO_FAULTS} phase: a JVM exiting
 * with a fault active heals it (newest first) after the supervisors stopped and before servers
 * are stopped, so it leaves no stopped process, thief or decoy.
 */
final class OpenFaults {

  private static final Map<Fault, ShutdownRegistry.Entry> OPEN = new ConcurrentHashMap<>();

  private OpenFaults() {}

  static void add(Fault fault) {
    OPEN.computeIfAbsent(fault, f -> ShutdownRegistry.register(
        ShutdownRegistry.Phase.UNDO_FAULTS, "heal " + f.id(), f::heal));
  }

  static void remove(Fault fault) {
    ShutdownRegistry.Entry entry = OPEN.remove(fault);
    if (entry != null) {
      entry.close();
    }
  }
}
