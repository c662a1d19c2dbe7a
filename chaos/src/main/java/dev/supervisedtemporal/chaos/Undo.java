package dev.supervisedtemporal.chaos;

/** Undoes one fault and says what it did; registered before the fault is injected. */
@FunctionalInterface
interface Undo {

  /** An undo for a fault that leaves nothing behind (a one-shot signal). */
  Undo NOTHING = () -> "nothing to undo";

  /** Undoes the fault; must be safe to run when the fault was only partly injected. */
  String run() throws Exception;
}
