package dev.supervisedtemporal.lifecycle.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.sun.jna.Native;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Sends signals to the process group of a verified process, and never to anything else.
 *
 * <p>Every call re-reads the identity of the target first: a process that was replaced behind the
 * same pid, a pid of 0 or 1, or a process that does not lead its own group is refused with a
 * {@link SignalRefusedException}. A group receiving {@link Signal#TERM} or {@link Signal#KILL}
 * also receives {@link Signal#CONT}, so that a stopped group can act on it.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ProcessGroups {

  private ProcessGroups() {}

  /**
   * Sends the signals, in order, to the process group that the verified process leads.
   *
   * @throws SignalRefusedException when the identity no longer matches or the process does not
   *     lead its own group
   */
  public static void signalGroup(ProcessIdentity leader, Signal... signals) {
    verifyGroupLeader(leader);
    List<String> failures = new ArrayList<>();
    for (Signal signal : withContinue(signals)) {
      if (CLibrary.INSTANCE.kill(-(int) leader.pid(), signal.number()) != 0) {
        int errno = Native.getLastError();
        if (errno != 3) { // ESRCH: the group is already gone, which is what we wanted
          failures.add(signal + " failed with errno " + errno);
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("signalling the group of " + leader + ": " + failures);
    }
  }

  /**
   * Sends the signals to one verified process (not its group).
   *
   * @throws SignalRefusedException when the identity no longer matches
   */
  public static void signalProcess(ProcessIdentity target, Signal... signals) {
    verify(target);
    for (Signal signal : withContinue(signals)) {
      CLibrary.INSTANCE.kill((int) target.pid(), signal.number());
    }
  }

  /** The process group id of a pid, or empty when the process is gone. */
  public static Optional<Long> groupOf(long pid) {
    if (pid <= 1) {
      return Optional.empty();
    }
    int pgid = CLibrary.INSTANCE.getpgid((int) pid);
    return pgid < 0 ? Optional.empty() : Optional.of((long) pgid);
  }

  /** Refuses unless the identity still matches and the process leads its own group. */
  public static void verifyGroupLeader(ProcessIdentity leader) {
    verify(leader);
    Optional<Long> group = groupOf(leader.pid());
    if (group.isEmpty() || group.get() != leader.pid()) {
      throw new SignalRefusedException("refusing to signal the group of " + leader
          + ": it does not lead its own process group (pgid " + group.orElse(-1L) + ")");
    }
    if (group.get() == ProcessHandle.current().pid()
        || groupOf(ProcessHandle.current().pid()).equals(group)) {
      throw new SignalRefusedException(
          "refusing to signal process group " + group.get() + ": it is this JVM's own group");
    }
  }

  private static void verify(ProcessIdentity target) {
    if (target.pid() <= 1) {
      throw new SignalRefusedException("refusing to signal pid " + target.pid());
    }
    Optional<String> mismatch = target.mismatch();
    if (mismatch.isPresent()) {
      throw new SignalRefusedException(
          "refusing to signal " + target.pid() + ": " + mismatch.get());
    }
  }

  private static List<Signal> withContinue(Signal... signals) {
    List<Signal> all = new ArrayList<>(List.of(signals));
    boolean terminating = all.contains(Signal.TERM) || all.contains(Signal.KILL);
    if (terminating && !all.contains(Signal.CONT)) {
      all.add(Signal.CONT);
    }
    return all;
  }
}
