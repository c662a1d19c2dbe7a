package dev.supervisedtemporal.chaos;

import java.util.Optional;

/**
 * Ends a helper process as soon as the JVM that spawned it is gone, a second guard next to the
 * parent-death signal the spawner sets.
 */
final class ParentWatch {

  private ParentWatch() {}

  /** Starts a daemon thread that halts this JVM when its parent exits or it is re-parented. */
  static void start() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty()) {
      Runtime.getRuntime().halt(2);
    }
    long parentPid = parent.get().pid();
    Thread watch = new Thread(() -> {
      while (true) {
        Optional<ProcessHandle> now = ProcessHandle.current().parent();
        if (now.isEmpty() || now.get().pid() != parentPid || !now.get().isAlive()) {
          Runtime.getRuntime().halt(0);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Runtime.getRuntime().halt(0);
        }
      }
    }, "parent-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
