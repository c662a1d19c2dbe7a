package dev.supervisedtemporal.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every fault of this JVM that is not healed yet, and a shutdown hook that heals them, newest
 * first, so that a JVM exiting with a fault active leaves no stopped process, thief or decoy.
 */
final class OpenFaults {

  private static final Logger LOG = LoggerFactory.getLogger(OpenFaults.class);
  private static final Set<Fault> OPEN = Collections.synchronizedSet(new LinkedHashSet<>());

  static {
    Runtime.getRuntime().addShutdownHook(
        new Thread(OpenFaults::healAll, "supervised-temporal-chaos-shutdown"));
  }

  private OpenFaults() {}

  static void add(Fault fault) {
    OPEN.add(fault);
  }

  static void remove(Fault fault) {
    OPEN.remove(fault);
  }

  private static void healAll() {
    List<Fault> faults;
    synchronized (OPEN) {
      faults = new ArrayList<>(OPEN);
    }
    Collections.reverse(faults);
    if (!faults.isEmpty()) {
      LOG.info("JVM shutdown: healing {} open fault(s)", faults.size());
    }
    for (Fault fault : faults) {
      try {
        fault.heal();
      } catch (RuntimeException e) {
        LOG.error("JVM shutdown: healing {} failed", fault.id(), e);
      }
    }
  }
}
