package dev.supervisedtemporal.lifecycle;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks a Temporal server over gRPC whether it serves, with an exact deadline.
 *
 * <p>One channel per server, reused across restarts on the same port; its reconnect backoff is
 * reset after every failure so that a restarted server is seen as soon as it listens.
 */
final class GrpcProbe implements AutoCloseable {

  static final String WORKFLOW_SERVICE = "temporal.api.workflowservice.v1.WorkflowService";

  private final ManagedChannel channel;
  private final int port;

  GrpcProbe(String host, int port) {
    this.port = port;
    this.channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
  }

  /** The probe's channel, for the other readiness calls ({@link NamespaceReadiness}). */
  ManagedChannel channel() {
    return channel;
  }

  /** The port this probe talks to. */
  int port() {
    return port;
  }

  /** Empty when the server answers SERVING in time, else what went wrong. */
  Optional<String> checkServing(Duration timeout) {
    try {
      HealthCheckResponse response = HealthGrpc.newBlockingStub(channel)
          .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
          .check(HealthCheckRequest.newBuilder().setService(WORKFLOW_SERVICE).build());
      if (response.getStatus() == HealthCheckResponse.ServingStatus.SERVING) {
        return Optional.empty();
      }
      return Optional.of("health status " + response.getStatus());
    } catch (StatusRuntimeException e) {
      channel.resetConnectBackoff();
      return Optional.of(e.getStatus().getCode() + describe(e));
    }
  }

  /** Empty when {@code GetSystemInfo} succeeds in time, else what went wrong. */
  Optional<String> checkSystemInfo(Duration timeout) {
    try {
      WorkflowServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return Optional.empty();
    } catch (StatusRuntimeException e) {
      channel.resetConnectBackoff();
      return Optional.of(e.getStatus().getCode() + describe(e));
    }
  }

  private static String describe(StatusRuntimeException e) {
    String d = e.getStatus().getDescription();
    return d == null ? "" : ": " + d;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
