package dev.supervisedtemporal.lifecycle.backend;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Temporal Java test server on loopback in a child JVM, announces readiness, and exits
 * when its parent is gone.
 *
 * <p>Arguments: {@code <port> <parent-pid> [--train] [--time-skipping]}. The server runs in real
 * time unless {@code --time-skipping} is given (as the stock {@code TestServer.main} does). Unlike
 * that main, it binds 127.0.0.1 only, serves the gRPC health service, prints
 * {@value #READY_PREFIX} with the
 * real port once it listens, exits with {@value #EXIT_PORT_IN_USE} when the port is taken, and
 * exits on its own when its parent process changes (the host JVM died). With {@code --train} it
 * starts, checks itself once and exits normally, so that an AppCDS archive can be written at
 * exit.
 *
 * <p>This class runs alone from the self-contained jar of the embedded-server module: it must use
 * nothing of this project but itself.
 */
public final class EmbeddedServerMain {

  /** The line printed once the server listens, followed by the port. */
  public static final String READY_PREFIX = "supervised-temporal: ready on 127.0.0.1:";

  /** The exit code when the port is already taken. */
  public static final int EXIT_PORT_IN_USE = 98;

  /** The exit code for bad arguments. */
  public static final int EXIT_USAGE = 64;

  /** The flag that lets the test server skip time when no workflow code is running. */
  public static final String TIME_SKIPPING_FLAG = "--time-skipping";

  static final String WORKFLOW_SERVICE = "temporal.api.workflowservice.v1.WorkflowService";

  private EmbeddedServerMain() {}

  /** Starts the server; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    boolean train = false;
    boolean timeSkipping = false;
    boolean unknownFlag = false;
    for (int i = 2; i < args.length; i++) {
      train |= "--train".equals(args[i]);
      timeSkipping |= TIME_SKIPPING_FLAG.equals(args[i]);
      unknownFlag |= !"--train".equals(args[i]) && !TIME_SKIPPING_FLAG.equals(args[i]);
    }
    if (args.length < 2 || unknownFlag) {
      System.err.println("usage: EmbeddedServerMain <port> <parent-pid> [--train] ["
          + TIME_SKIPPING_FLAG + "]");
      System.exit(EXIT_USAGE);
    }
    int port = Integer.parseInt(args[0]);
    long parentPid = Long.parseLong(args[1]);

    // The first argument locks time skipping: locked means real time.
    TestServicesStarter services = new TestServicesStarter(!timeSkipping, 0);
    HealthStatusManager health = new HealthStatusManager();
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port));
    for (BindableService service : services.getServices()) {
      builder.addService(service);
    }
    builder.addService(health.getHealthService());
    Server server = builder.build();
    try {
      server.start();
    } catch (IOException e) {
      boolean inUse = e instanceof BindException || e.getCause() instanceof BindException
          || String.valueOf(e.getMessage()).contains("in use");
      System.out.println("supervised-temporal: failed to bind 127.0.0.1:" + port + ": " + e);
      System.out.flush();
      Runtime.getRuntime().halt(inUse ? EXIT_PORT_IN_USE : 1);
    }
    health.setStatus("", ServingStatus.SERVING);
    health.setStatus(WORKFLOW_SERVICE, ServingStatus.SERVING);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      health.enterTerminalState();
      server.shutdownNow();
      services.close();
    }, "embedded-server-shutdown"));
    System.out.println(READY_PREFIX + server.getPort());
    System.out.flush();

    if (train) {
      trainOnce(server.getPort());
      System.exit(0);
    }
    watchParent(parentPid);
    server.awaitTermination();
  }

  private static void trainOnce(int port) throws InterruptedException {
    io.grpc.ManagedChannel channel = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder
        .forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      io.grpc.health.v1.HealthGrpc.newBlockingStub(channel)
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .check(io.grpc.health.v1.HealthCheckRequest.newBuilder()
              .setService(WORKFLOW_SERVICE).build());
      io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .getSystemInfo(io.temporal.api.workflowservice.v1.GetSystemInfoRequest
              .getDefaultInstance());
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static void watchParent(long parentPid) {
    Thread watcher = new Thread(() -> {
      while (true) {
        long now = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        if (now != parentPid) {
          System.out.println("supervised-temporal: parent " + parentPid + " is gone, exiting");
          System.out.flush();
          Runtime.getRuntime().halt(0);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "parent-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }
}
