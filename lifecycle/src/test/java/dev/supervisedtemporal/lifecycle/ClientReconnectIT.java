package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.process.ProcessGroups;
import dev.supervisedtemporal.lifecycle.process.Signal;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client channel created before a kill reconnects as soon as the replacement is ready. */
class ClientReconnectIT {

  /**
   * Long enough for grpc's own reconnect backoff (1 s, x1.6, ±20 %) to have grown to several
   * seconds, so that a channel left alone would wait well past the bound below.
   */
  private static final Duration OUTAGE = Duration.ofSeconds(16);
  private static final Duration BOUND = Duration.ofSeconds(3);

  @AfterEach
  void nothingLeft() throws Exception {
    for (ProcessHandle child : Backends.liveChildren()) {
      child.onExit().get(10, TimeUnit.SECONDS);
    }
    assertThat(Backends.liveChildren()).as("child processes after the test").isEmpty();
  }

  @Test
  void anEnrolledChannelAnswersSoonAfterTheRestartEvenAfterALongOutage() throws Exception {
    try (TemporalManager m = Backends.builder(BackendKind.EMBEDDED).build()) {
      m.start();
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", m.port()).usePlaintext().build();
      try (SupervisorEvents.Registration enrolled = m.reconnectOnRestart(channel)) {
        assertThat(answersWithin(channel, Duration.ofSeconds(10))).isGreaterThanOrEqualTo(0);

        ProcessGroups.signalGroup(m.serverIdentity().orElseThrow(), Signal.KILL);
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        while (System.nanoTime() < outageEnds) { // the client keeps trying, as a user's would
          assertThat(answers(channel)).as("a killed server answered").isFalse();
          Thread.sleep(50);
        }
        int from = m.events().size();
        m.startSupervisor(SupervisorPolicy.recommended());
        SupervisorEvent restarted = m.events().await("RESTARTED", from,
            e -> e.type() == SupervisorEventType.RESTARTED, Duration.ofSeconds(60));

        long answeredAt = answersWithin(channel, Duration.ofSeconds(60));
        assertThat(Duration.ofNanos(answeredAt - restarted.nanoTime()))
            .as("from RESTARTED to the first answer on the channel created before the kill")
            .isLessThan(BOUND);
      } finally {
        channel.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  /** Polls the channel until it answers; returns when it did, or -1 on timeout. */
  private static long answersWithin(ManagedChannel channel, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (answers(channel)) {
        return System.nanoTime();
      }
      Thread.sleep(5);
    }
    return -1;
  }

  private static boolean answers(ManagedChannel channel) {
    try {
      WorkflowServiceGrpc.newBlockingStub(channel).withDeadlineAfter(200, TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return true;
    } catch (StatusRuntimeException e) {
      return false;
    }
  }
}
