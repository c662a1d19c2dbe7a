package dev.supervisedtemporal.lifecycle;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A user's long-lived clients for the measure command: stubs (and, with the Temporal SDK on the
 * class path, a client and a running worker) created before the faults and kept across them.
 *
 * <p>The library does not depend on the SDK. When {@value #SDK_IMPLEMENTATION} is on the class
 * path (the watch profile runs the measure command on the test class path, where it lives) it
 * is used; otherwise plain gRPC stubs stand in and there is no worker.
 */
interface UserClients extends AutoCloseable {

  /** The SDK-based implementation, a test-source class of this module. */
  String SDK_IMPLEMENTATION = "dev.supervisedtemporal.lifecycle.SdkUserClients";

  /**
   * Opens the clients against the manager's server.
   *
   * @param reconnect whether their channel is enrolled with {@link
   *     TemporalManager#reconnectOnRestart}
   */
  static UserClients open(TemporalManager manager, boolean reconnect) throws Exception {
    Class<?> sdk;
    try {
      sdk = Class.forName(SDK_IMPLEMENTATION);
    } catch (ClassNotFoundException e) {
      return new Plain(manager, reconnect);
    }
    try {
      return (UserClients) sdk.getDeclaredConstructor(TemporalManager.class, boolean.class)
          .newInstance(manager, reconnect);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Whether {@code GetSystemInfo} on the long-lived stubs succeeds within the timeout. */
  boolean stubsAnswer(Duration timeout);

  /** Whether a worker runs (only with the SDK). */
  boolean hasWorker();

  /**
   * Starts a new workflow (retrying the start as a user would) and waits until the worker has
   * completed it.
   *
   * @return {@link System#nanoTime()} when the result arrived
   */
  long runWorkflow(Duration timeout) throws Exception;

  /**
   * Starts a workflow that waits on a durable timer of the given length, for an in-flight
   * workflow across a fault; the returned handle waits for its result.
   */
  InFlight startInFlight(Duration timer) throws Exception;

  /** A started workflow to wait for. */
  interface InFlight {
    /** Waits for the result; returns {@link System#nanoTime()} when it arrived. */
    long await(Duration timeout) throws Exception;
  }

  @Override
  void close();

  /** Plain gRPC stubs on one long-lived channel; no worker. */
  final class Plain implements UserClients {
    private final ManagedChannel channel;
    private final SupervisorEvents.Registration enrolled;

    Plain(TemporalManager manager, boolean reconnect) {
      channel = NettyChannelBuilder.forTarget(manager.target()).usePlaintext().build();
      enrolled = reconnect ? manager.reconnectOnRestart(channel) : () -> {};
    }

    @Override
    public boolean stubsAnswer(Duration timeout) {
      try {
        WorkflowServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
        return true;
      } catch (StatusRuntimeException e) {
        return false;
      }
    }

    @Override
    public boolean hasWorker() {
      return false;
    }

    @Override
    public long runWorkflow(Duration timeout) {
      throw new UnsupportedOperationException("no worker without the Temporal SDK");
    }

    @Override
    public InFlight startInFlight(Duration timer) {
      throw new UnsupportedOperationException("no worker without the Temporal SDK");
    }

    @Override
    public void close() {
      enrolled.close();
      channel.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
