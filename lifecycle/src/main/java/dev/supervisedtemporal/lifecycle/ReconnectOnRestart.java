package dev.supervisedtemporal.lifecycle;

import io.grpc.ManagedChannel;
import java.util.Objects;

/**
 * Resets a client channel's gRPC connect backoff the moment a replacement server is ready, so
 * that a client created before a crash reconnects at once.
 *
 * <p>A grpc-java channel whose server went away waits 1 s, then 1.6 times longer each attempt,
 * before it tries to connect again; a server that is back after 0.4 s stays unseen until then.
 * {@link ManagedChannel#resetConnectBackoff()} ends that wait. It is called on every
 * {@link SupervisorEventType#RESTARTED} and {@link SupervisorEventType#HEALTHY} event, on the
 * supervisor's thread; it does not block. A channel that was shut down is skipped.
 */
final class ReconnectOnRestart {

  private ReconnectOnRestart() {}

  /** Subscribes the channel to the events; closing the registration stops the resets. */
  static SupervisorEvents.Registration enrol(SupervisorEvents events, ManagedChannel channel) {
    Objects.requireNonNull(channel, "channel");
    return events.subscribe(e -> {
      if ((e.type() == SupervisorEventType.RESTARTED || e.type() == SupervisorEventType.HEALTHY)
          && !channel.isShutdown()) {
        channel.resetConnectBackoff();
      }
    });
  }
}
