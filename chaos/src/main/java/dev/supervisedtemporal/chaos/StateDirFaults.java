package dev.supervisedtemporal.chaos;

import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.state.PidFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tampers with the manager's state dir: a corrupt, deleted or foreign-pid pid file
 * ({@link PidFileTamper}), and its lock held by another process ({@link LockHolderMain}).
 */
final class StateDirFaults {

  private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(20);
  private static final List<Path> SLEEP = List.of(Path.of("/usr/bin/sleep"), Path.of("/bin/sleep"));

  private final TemporalManager manager;
  private final FaultRegistry registry;

  StateDirFaults(TemporalManager manager, FaultRegistry registry) {
    this.manager = manager;
    this.registry = registry;
  }

  /** Overwrites the pid file with garbage; healing restores it if chaos's bytes are still there. */
  Fault corruptPidFile() {
    return registry.inject(FaultKind.CORRUPT_PID_FILE, f -> {
      long pid = manager.pid();
      PidFileTamper tamper = PidFileTamper.snapshot(manager.pidFile());
      f.onHeal(() -> tamper.restore(sameServerRuns(pid)));
      tamper.write(("# corrupted by supervised-temporal chaos\npid=not-a-number\n\u0000\u0001")
          .getBytes(StandardCharsets.UTF_8));
      f.injectedNow();
      return "pid file " + manager.pidFile() + " overwritten with garbage";
    });
  }

  /** Deletes the pid file; healing restores it if it is still absent and the server still runs. */
  Fault deletePidFile() {
    return registry.inject(FaultKind.DELETE_PID_FILE, f -> {
      long pid = manager.pid();
      if (!Files.exists(manager.pidFile())) {
        throw new FaultRefusedException("DELETE_PID_FILE refused: there is no pid file at "
            + manager.pidFile());
      }
      PidFileTamper tamper = PidFileTamper.snapshot(manager.pidFile());
      f.onHeal(() -> tamper.restore(sameServerRuns(pid)));
      tamper.delete();
      f.injectedNow();
      return "pid file " + manager.pidFile() + " deleted";
    });
  }

  /**
   * The pid-reuse case: a live decoy ({@code sleep}) named in the pid file with the server's
   * start time and command line; healing restores the file and kills and reaps the decoy.
   */
  Fault pidFileNamingForeignProcess() {
    return registry.inject(FaultKind.FOREIGN_PID_FILE, f -> {
      ProcessIdentity server = manager.serverIdentity().orElseThrow(() ->
          new FaultRefusedException("FOREIGN_PID_FILE refused: the manager has not started a "
              + "server whose identity the pid file could claim"));
      Path sleep = SLEEP.stream().filter(Files::isExecutable).findFirst().orElseThrow(() ->
          new FaultRefusedException("FOREIGN_PID_FILE refused: no sleep binary in " + SLEEP));
      PidFileTamper tamper = PidFileTamper.snapshot(manager.pidFile());
      AtomicReference<HelperProcess> decoy = new AtomicReference<>();
      f.onHeal(() -> {
        String file = tamper.restore(sameServerRuns(server.pid()));
        HelperProcess d = decoy.get();
        return file + "; " + (d == null ? "no decoy was started" : d.stop());
      });
      HelperProcess d = HelperProcess.spawn(List.of(sleep.toString(), "3600"),
          manager.stateDir(), f.id());
      decoy.set(d);
      f.helperPid(d.pid());
      d.awaitExec("sleep", HELPER_TIMEOUT);
      ProcessIdentity forged =
          new ProcessIdentity(d.pid(), server.startInstant(), server.commandLine());
      tamper.write(render(forged, manager.port()));
      f.injectedNow();
      return "pid file names live decoy pid " + d.pid() + " with the start time and command "
          + "line of server " + server.pid();
    });
  }

  /**
   * A helper process takes the state dir's lock, as another manager would; refused while the
   * manager itself holds it. Healing kills the holder, which releases the lock.
   */
  Fault holdLockFromAnotherProcess() {
    return registry.inject(FaultKind.HOLD_LOCK, f -> {
      if (manager.holdsLock()) {
        throw new FaultRefusedException("HOLD_LOCK refused: the manager holds its state dir "
            + "lock while it runs a server; stop() it first");
      }
      AtomicReference<HelperProcess> holder = new AtomicReference<>();
      f.onHeal(() -> {
        HelperProcess h = holder.get();
        return h == null ? "no holder was started" : h.stop() + "; lock released";
      });
      HelperProcess h = HelperProcess.java(LockHolderMain.class,
          List.of(manager.lockFile().toString()), manager.stateDir(), f.id());
      holder.set(h);
      f.helperPid(h.pid());
      h.awaitLine("LOCKED", HELPER_TIMEOUT);
      f.injectedNow();
      return "lock " + manager.lockFile() + " held by pid " + h.pid();
    });
  }

  /** The bytes a manager would write to a pid file for the identity. */
  private static byte[] render(ProcessIdentity identity, int port) throws IOException {
    Path scratch = Files.createTempDirectory("supervised-temporal-chaos-");
    try {
      PidFile file = new PidFile(scratch);
      file.write(identity, port);
      return Files.readAllBytes(file.path());
    } finally {
      try (Stream<Path> walk = Files.walk(scratch)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private boolean sameServerRuns(long pid) {
    return pid > 0 && manager.pid() == pid
        && manager.serverIdentity().map(ProcessIdentity::isStillAlive).orElse(false);
  }
}
