package dev.supervisedtemporal.scenarios;

import dev.supervisedtemporal.chaos.Fault;
import dev.supervisedtemporal.chaos.Recovery;
import dev.supervisedtemporal.chaos.Timeline;
import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One round of the crash scenarios' loop: {@code kill -9}, the first successful RPC after it
 * (and, with a {@linkplain GreetingWorkerCheck watched worker}, its first completed workflow),
 * and the supervisor's RESTARTED, with the round's merged supervisor and chaos timeline.
 *
 * @param number the round, from 1
 * @param kill the kill fault
 * @param recovery how long the server (and the watched client and worker) took to answer again
 * @param restarted the supervisor's RESTARTED event of the round
 * @param timeline the class's merged supervisor and chaos timeline
 * @param mark where the round began on it
 */
record KillRound(int number, Fault kill, Recovery recovery, SupervisorEvent restarted,
    Timeline timeline, Timeline.Mark mark) {

  /** How long each wait of a round may take. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  /**
   * Kills the server, then awaits the first successful RPC (and the watched client's and
   * worker's first successes, each recorded when it happens) and the supervisor's RESTARTED.
   */
  static KillRound run(SupervisedTemporal temporal, int number)
      throws InterruptedException, TimeoutException {
    Timeline timeline = Timeline.of(temporal.chaos());
    Timeline.Mark mark = timeline.mark();
    Fault kill = temporal.chaos().kill();
    Recovery recovery = temporal.chaos().awaitRecovery(kill, TIMEOUT);
    SupervisorEvent restarted = temporal.events().await("RESTARTED after kill " + number,
        mark.supervisor(), e -> e.type() == SupervisorEventType.RESTARTED, TIMEOUT);
    return new KillRound(number, kill, recovery, restarted, timeline, mark);
  }

  /** The supervisor log's position where the round began, for its own awaits. */
  int from() {
    return mark.supervisor();
  }

  /** Kill → first successful probe RPC, in milliseconds. */
  double recoveryMs() {
    return KeyTiming.ms(recovery.rpcRecovered().toNanos());
  }

  /** Both kinds of events since the round began, one per line, for assertion messages. */
  String eventsSoFar() {
    return timeline.since(mark).stream().map(Timeline.Entry::toString)
        .collect(Collectors.joining("\n"));
  }

  /**
   * The UNHEALTHY events since {@code from} for a server that exited on its own: one whose exit
   * these rounds did not cause (its pid is not among {@code killed}). The CLI dev server can
   * exit shortly after ready when one of its internal services meets a port in use; the
   * supervisor rightly replaces it, so each such exit is one restart more than the kills.
   */
  static List<SupervisorEvent> exitsOnTheirOwn(SupervisedTemporal temporal, int from,
      Collection<Long> killed) {
    return exitsOnTheirOwn(temporal.events().since(from), killed);
  }

  /** The UNHEALTHY events among {@code events} for a server that exited on its own. */
  static List<SupervisorEvent> exitsOnTheirOwn(List<SupervisorEvent> events,
      Collection<Long> killed) {
    return events.stream()
        .filter(e -> e.type() == SupervisorEventType.UNHEALTHY && e.detail() != null)
        .filter(e -> OWN_EXIT.matcher(e.detail()).find())
        .filter(e -> killed.stream().noneMatch(pid -> e.detail().contains("pid " + pid + " ")))
        .toList();
  }

  /** A key-timing suffix naming the exits on their own, or nothing when there were none. */
  static String describe(List<SupervisorEvent> exitsOnTheirOwn) {
    return exitsOnTheirOwn.isEmpty() ? "" : "; " + exitsOnTheirOwn.size()
        + " more restart(s) after a server exited on its own: " + exitsOnTheirOwn.stream()
            .map(SupervisorEvent::detail).collect(Collectors.joining(", "));
  }

  private static final Pattern OWN_EXIT = Pattern.compile("pid \\d+ exited with code \\d+");

  /** Rounds a list of milliseconds for a key-timing line. */
  static List<Long> rounded(List<Double> values) {
    return values.stream().map(Math::round).toList();
  }
}
