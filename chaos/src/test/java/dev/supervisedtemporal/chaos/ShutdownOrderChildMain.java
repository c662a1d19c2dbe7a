package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.TemporalManager;

/**
 * Run in a child JVM by {@link ShutdownOrderIT}: starts a supervised server, suspends it with a
 * fault, prints its pid, state dir and lock file, and exits normally with the fault still open
 * and nothing closed, so that the JVM shutdown hook has to undo everything.
 */
public final class ShutdownOrderChildMain {

  private ShutdownOrderChildMain() {}

  public static void main(String[] args) {
    TemporalManager manager = Servers.embedded();
    manager.start();
    manager.startSupervisor(SupervisorPolicy.recommended());
    Chaos chaos = Chaos.on(manager);
    chaos.events().subscribe(e -> say(e.type() + " " + e.faultId()));
    say("STATE_DIR " + manager.stateDir());
    say("LOCK_FILE " + manager.lockFile());
    Fault pause = chaos.suspend();
    say("SUSPENDED " + pause.targetPid());
    System.exit(0);
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
