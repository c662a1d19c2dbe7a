package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import dev.supervisedtemporal.lifecycle.process.Signal;
import dev.supervisedtemporal.lifecycle.process.SignalRefusedException;
import dev.supervisedtemporal.lifecycle.state.InvalidPidFileException;
import dev.supervisedtemporal.lifecycle.state.PidFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans what an earlier owner of a state dir left in it, once we hold its lock.
 *
 * <p>A pid file whose identity (pid, start time, command line) still matches a live process
 * names a server that outlived its owner: its group is killed. Anything else (a dead pid, a
 * reused pid, garbage, a symbolic link) is removed and nothing is signalled.
 */
final class StaleState {

  private static final Logger LOG = LoggerFactory.getLogger(StaleState.class);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private StaleState() {}

  /**
   * Cleans the pid file.
   *
   * @param justReplaced the server this manager itself replaced a moment ago (its pid file is
   *     not stale), or null
   * @return what was found and done, one note each
   */
  static List<String> clean(PidFile pidFile, ProcessIdentity justReplaced) {
    List<String> notes = new ArrayList<>();
    if (!pidFile.exists()) {
      return notes;
    }
    try {
      ProcessIdentity recorded = pidFile.read().identity();
      Optional<String> mismatch = recorded.mismatch();
      if (recorded.equals(justReplaced) && mismatch.isPresent()) {
        pidFile.delete();
        return notes;
      }
      if (mismatch.isEmpty()) {
        notes.add("pid file names a live server left by an earlier owner (" + recorded
            + "); killed its process group");
        ProcessGroups.signalGroup(recorded, Signal.KILL);
        ProcessHandle.of(recorded.pid()).ifPresent(StaleState::awaitExit);
      } else {
        notes.add("stale pid file removed, nothing signalled: " + mismatch.get());
      }
    } catch (InvalidPidFileException | SignalRefusedException e) {
      notes.add(e.getMessage() + "; removed, nothing signalled");
    }
    pidFile.delete();
    notes.forEach(n -> LOG.warn("{}: {}", pidFile.path().getParent(), n));
    return notes;
  }

  private static void awaitExit(ProcessHandle orphan) {
    try {
      orphan.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("orphan {} did not exit within {}", orphan.pid(), KILL_WAIT);
    }
  }
}
