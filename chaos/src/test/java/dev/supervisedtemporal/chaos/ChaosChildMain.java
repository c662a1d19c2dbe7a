package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.TemporalManager;

/**
 * Run in a child JVM by {@link JvmExitIT}: starts two servers, suspends one and steals the
 * other's port, prints the pids, and exits with both faults still open.
 */
public final class ChaosChildMain {

  private ChaosChildMain() {}

  public static void main(String[] args) {
    TemporalManager first = Servers.embedded();
    TemporalManager second = Servers.embedded();
    first.start();
    second.start();
    Chaos chaosOne = Chaos.on(first);
    Chaos chaosTwo = Chaos.on(second);
    chaosOne.events().subscribe(e -> say(e.type() + " " + e.faultId()));
    chaosTwo.events().subscribe(e -> say(e.type() + " " + e.faultId()));
    Fault pause = chaosOne.suspend();
    say("SUSPENDED " + pause.targetPid());
    Fault theft = chaosTwo.stealPort();
    say("THIEF " + theft.thiefPid());
    say("EXITING");
    System.exit(0);
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
