package dev.supervisedtemporal.scenarios;

import dev.supervisedtemporal.chaos.Fault;
import dev.supervisedtemporal.chaos.Recovery;
import dev.supervisedtemporal.chaos.Timeline;
import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.lifecycle.SupervisorEvent;
import dev.supervisedtemporal.lifecycle.SupervisorEventType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
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

  /** Rounds a list of milliseconds for a key-timing line. */
  static List<Long> rounded(List<Double> values) {
    return values.stream().map(Math::round).toList();
  }
}
