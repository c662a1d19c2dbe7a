package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The stop-vs-crash race, repeated: the server is SIGKILLed while its supervisor is being
 * stopped, many times over. After stop began, no server may appear, ever, and none may be left.
 *
 * <p>Nightly only ({@code -Dstoprace.rounds=1000}, see the README's nightly command); CI runs
 * one race in {@link SignalFaultsIT}.
 */
@EnabledIfSystemProperty(named = "stoprace.rounds", matches = "[1-9][0-9]*")
class StopRaceIT {

  private static final int ROUNDS = Integer.getInteger("stoprace.rounds", 0);

  @Test
  void aCrashDuringStopNeverStartsAServer() throws Exception {
    SupervisorPolicy policy = SupervisorPolicy.recommended().toBuilder()
        .checkInterval(Duration.ofMillis(100)).probeTimeout(Duration.ofMillis(300))
        .restartIntensity(1_000_000, Duration.ofMinutes(1)).build();
    List<String> appeared = new ArrayList<>();
    List<String> leftOver = new ArrayList<>();
    int whileStopping = 0;
    long began = System.nanoTime();
    try (TemporalManager manager = Servers.embedded(); Chaos chaos = Chaos.on(manager)) {
      for (int round = 1; round <= ROUNDS; round++) {
        manager.start();
        manager.startSupervisor(policy);
        StopRace race = chaos.killDuringStop(Duration.ofMillis(150));
        if (race.killedWhileStopping()) {
          whileStopping++;
        }
        if (race.newServerAppeared()) {
          appeared.add("round " + round + ": " + race);
        }
        Servers.awaitGone(race.killedPid());
        List<ProcessHandle> children = ProcessHandle.current().children()
            .filter(ProcessHandle::isAlive).toList();
        if (!children.isEmpty()) {
          leftOver.add("round " + round + ": " + children);
        }
        if (round % 100 == 0) {
          System.out.printf("[stop race] %d rounds in %.0f s, %d killed while stopping%n", round,
              (System.nanoTime() - began) / 1e9, whileStopping);
        }
      }
    }
    System.out.printf("[stop race] %d rounds in %.0f s: %d killed while the stop was under way, "
            + "%d servers appeared after stop began, %d rounds left a server%n", ROUNDS,
        (System.nanoTime() - began) / 1e9, whileStopping, appeared.size(), leftOver.size());
    assertThat(appeared).as("servers that appeared after stop began").isEmpty();
    assertThat(leftOver).as("servers left after a round").isEmpty();
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive))
        .as("child processes after close").isEmpty();
  }
}
