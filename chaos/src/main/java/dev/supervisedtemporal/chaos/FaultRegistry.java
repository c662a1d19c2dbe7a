package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.TemporalManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the faults one {@link Chaos} has open and how to undo each: injects a fault only after
 * its undo slot is registered, publishes its injected, refused and healed events, and heals the
 * open ones newest first.
 *
 * <p>The single place an {@link Undo} lives: a fault family registers it here with
 * {@link Fault#onHeal}, and {@link Fault#heal()} runs and forgets it here. Open faults are also
 * handed to {@link OpenFaults}, whose JVM shutdown hook heals what nobody closed.
 */
final class FaultRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(Chaos.class);

  private final TemporalManager manager;
  private final ChaosEvents events;
  private final Map<Fault, Undo> open = new LinkedHashMap<>();

  FaultRegistry(TemporalManager manager, ChaosEvents events) {
    this.manager = manager;
    this.events = events;
  }

  /** The body of one fault: registers its undo, performs the OS action, says what it did. */
  @FunctionalInterface
  interface Injector {
    String inject(Fault fault) throws Exception;
  }

  /**
   * Injects one fault: registers it (and so its undo slot) first, then runs the OS action; a
   * failed or refused injection is healed before the exception is thrown. A one-shot fault is
   * healed as soon as it is injected.
   */
  Fault inject(FaultKind kind, Injector injector) {
    Fault fault = new Fault(this, events.nextFaultId(kind), kind, manager.pid());
    synchronized (open) {
      open.put(fault, Undo.NOTHING);
    }
    OpenFaults.add(fault);
    String result;
    try {
      result = injector.inject(fault);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String message = e instanceof FaultRefusedException ? e.getMessage()
          : kind + " failed: " + e.getMessage();
      if (fault.stamped()) {
        fault.result("partly injected: " + message);
        publish(ChaosEventType.FAULT_INJECTED, fault, fault.result());
      } else {
        publish(ChaosEventType.FAULT_REFUSED, fault, message);
      }
      try {
        fault.heal();
      } catch (RuntimeException healing) {
        e.addSuppressed(healing);
      }
      if (e instanceof FaultRefusedException refused) {
        throw refused;
      }
      throw new IllegalStateException(message, e);
    }
    if (!fault.stamped()) {
      fault.injectedNow();
    }
    fault.result(result);
    publish(ChaosEventType.FAULT_INJECTED, fault, result);
    LOG.info("injected {}: {}", fault.id(), result);
    if (!kind.lasting()) {
      fault.heal();
    }
    return fault;
  }

  /** Registers how to undo an open fault; families call it before the OS action. */
  void onHeal(Fault fault, Undo undo) {
    synchronized (open) {
      if (open.containsKey(fault)) {
        open.put(fault, undo);
      }
    }
  }

  /** Takes the fault's undo out of the registry; {@link Undo#NOTHING} when it had none. */
  Undo release(Fault fault) {
    Undo undo;
    synchronized (open) {
      undo = open.remove(fault);
    }
    OpenFaults.remove(fault);
    return undo == null ? Undo.NOTHING : undo;
  }

  /** Publishes that a fault was healed (if it was ever injected) once its undo ran. */
  void healed(Fault fault, String outcome) {
    if (fault.stamped()) {
      events.publish(new ChaosEvent(ChaosEventType.FAULT_HEALED, System.nanoTime(),
          Instant.now(), fault.id(), fault.kind(), fault.targetPid(), fault.helperPid(),
          outcome));
      LOG.info("healed {}: {}", fault.id(), outcome);
    }
  }

  /** The faults not healed yet, oldest first. */
  List<Fault> open() {
    synchronized (open) {
      return List.copyOf(open.keySet());
    }
  }

  /** Heals every open fault, newest first; throws after trying them all when one failed. */
  void healAll() {
    List<Fault> faults = new ArrayList<>(open());
    Collections.reverse(faults);
    RuntimeException failure = null;
    for (Fault fault : faults) {
      try {
        fault.heal();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void publish(ChaosEventType type, Fault fault, String detail) {
    boolean injected = type == ChaosEventType.FAULT_INJECTED;
    events.publish(new ChaosEvent(type, injected ? fault.injectedNanos() : System.nanoTime(),
        injected ? fault.injectedAt() : Instant.now(), fault.id(), fault.kind(),
        fault.targetPid(), fault.helperPid(), detail));
  }
}
