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
import java.util.Arrays;
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
 * exit. With {@value #STANDBY_FLAG} it is a standby: it builds and warms the services, binds
 * nothing, prints {@value #STANDBY_WARM} and waits for {@code BIND <port>} on stdin, then binds
 * and serves like a normal start.
 *
 * <p>This class runs alone from the self-contained jar of the embedded-server module: it must use
 * nothing of this project but itself.
 *
 * <p>Not an API: it is public because it is the one class this module documents (the published
 * artifact must carry a javadoc jar); users never call it, the lifecycle module launches it.
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

  /** The argument that makes the launcher a standby: warm, unbound, awaiting a bind command. */
  public static final String STANDBY_FLAG = "--standby";

  /** The line a standby prints once it is warm, before it waits for its bind command. */
  public static final String STANDBY_WARM = "supervised-temporal: standby warm";

  /** The command a standby reads from its stdin, followed by the port to bind. */
  public static final String BIND_COMMAND = "BIND ";

  static final String WORKFLOW_SERVICE = "temporal.api.workflowservice.v1.WorkflowService";

  private static boolean parentWatched;
  private static io.grpc.netty.shaded.io.netty.channel.EventLoopGroup standbyBoss;
  private static io.grpc.netty.shaded.io.netty.channel.EventLoopGroup standbyWorker;
  private static Class<? extends io.grpc.netty.shaded.io.netty.channel.ServerChannel>
      standbyChannelType;

  private EmbeddedServerMain() {}

  /**
   * Whether a failed bind was "address already in use": a {@link BindException} anywhere in the
   * cause chain, or Netty's native transport saying so ({@code bind(..) failed: Address already
   * in use}, which is not a {@code BindException}).
   */
  static boolean addressInUse(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException || String.valueOf(t.getMessage()).contains("in use")) {
        return true;
      }
    }
    return false;
  }

  /** Starts the server; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    boolean train = false;
    boolean timeSkipping = false;
    boolean standby = false;
    boolean unknownFlag = false;
    for (int i = 2; i < args.length; i++) {
      train |= "--train".equals(args[i]);
      timeSkipping |= TIME_SKIPPING_FLAG.equals(args[i]);
      standby |= STANDBY_FLAG.equals(args[i]);
      unknownFlag |= !"--train".equals(args[i]) && !TIME_SKIPPING_FLAG.equals(args[i])
          && !STANDBY_FLAG.equals(args[i]);
    }
    if (args.length < 2 || unknownFlag) {
      System.err.println("usage: EmbeddedServerMain <port> <parent-pid> [--train|"
          + STANDBY_FLAG + "] [" + TIME_SKIPPING_FLAG + "]");
      System.exit(EXIT_USAGE);
    }
    int port = Integer.parseInt(args[0]);
    long parentPid = Long.parseLong(args[1]);

    // The first argument locks time skipping: locked means real time.
    TestServicesStarter services = new TestServicesStarter(!timeSkipping, 0);
    if (standby) {
      port = awaitPromotion(services, parentPid);
    }
    HealthStatusManager health = new HealthStatusManager();
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port));
    if (standbyWorker != null) {
      builder.channelType(standbyChannelType).bossEventLoopGroup(standbyBoss)
          .workerEventLoopGroup(standbyWorker);
    }
    for (BindableService service : services.getServices()) {
      builder.addService(service);
    }
    builder.addService(health.getHealthService());
    Server server = builder.build();
    try {
      server.start();
    } catch (IOException e) {
      boolean inUse = addressInUse(e);
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

  /**
   * The standby's life before it serves: warms the services through in-process calls, binds no
   * port, then blocks on stdin until {@code BIND <port>}; exits when stdin ends (its owner or
   * the host JVM is gone) or the line is not a bind command.
   */
  private static int awaitPromotion(TestServicesStarter services, long parentPid)
      throws IOException, InterruptedException {
    watchParent(parentPid);
    long began = System.nanoTime();
    warmTransport(services);
    System.out.println(STANDBY_WARM + " in "
        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began) + " ms, pid "
        + ProcessHandle.current().pid());
    System.out.flush();
    java.io.BufferedReader in = new java.io.BufferedReader(
        new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.US_ASCII));
    String line = in.readLine();
    if (line == null || !line.startsWith(BIND_COMMAND)) {
      System.out.println("supervised-temporal: standby " + ProcessHandle.current().pid()
          + " dismissed (" + (line == null ? "stdin closed" : "'" + line + "'") + ")");
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }
    int port = Integer.parseInt(line.substring(BIND_COMMAND.length()).trim());
    System.out.println("supervised-temporal: standby " + ProcessHandle.current().pid()
        + " promoted, binding 127.0.0.1:" + port);
    return port;
  }

  /**
   * Creates the event loops the promoted server will use and warms them, with the services and
   * the gRPC/HTTP2 code, through a server and a client on an in-JVM local address: no port.
   */
  private static void warmTransport(TestServicesStarter services) throws InterruptedException {
    boolean epoll = io.grpc.netty.shaded.io.netty.channel.epoll.Epoll.isAvailable();
    standbyBoss = epoll ? new io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup(1)
        : new io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup(1);
    standbyWorker = epoll ? new io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup()
        : new io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup();
    standbyChannelType = epoll
        ? io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel.class
        : io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel.class;
    io.grpc.netty.shaded.io.netty.channel.local.LocalAddress address =
        new io.grpc.netty.shaded.io.netty.channel.local.LocalAddress(
            "supervised-temporal-standby-" + ProcessHandle.current().pid());
    NettyServerBuilder builder = NettyServerBuilder.forAddress(address)
        .channelType(io.grpc.netty.shaded.io.netty.channel.local.LocalServerChannel.class)
        .bossEventLoopGroup(standbyBoss).workerEventLoopGroup(standbyWorker);
    for (BindableService service : services.getServices()) {
      builder.addService(service);
    }
    HealthStatusManager health = new HealthStatusManager();
    health.setStatus(WORKFLOW_SERVICE, ServingStatus.SERVING);
    builder.addService(health.getHealthService());
    Server server = builder.build();
    io.grpc.ManagedChannel channel = null;
    System.out.println("supervised-temporal: standby warming up over an in-JVM local address (a "
        + "Netty warning about SO_KEEPALIVE there is expected)");
    try {
      server.start();
      channel = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forAddress(address)
          .channelType(io.grpc.netty.shaded.io.netty.channel.local.LocalChannel.class)
          .eventLoopGroup(standbyWorker).usePlaintext().build();
      for (int i = 0; i < 3; i++) {
        io.grpc.health.v1.HealthGrpc.newBlockingStub(channel)
            .withDeadlineAfter(5, TimeUnit.SECONDS)
            .check(io.grpc.health.v1.HealthCheckRequest.newBuilder()
                .setService(WORKFLOW_SERVICE).build());
        io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub stub =
            io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS);
        stub.getSystemInfo(
            io.temporal.api.workflowservice.v1.GetSystemInfoRequest.getDefaultInstance());
        stub.describeNamespace(io.temporal.api.workflowservice.v1.DescribeNamespaceRequest
            .newBuilder().setNamespace("default").build());
      }
    } catch (IOException | RuntimeException e) {
      // Warming is an optimisation: a standby that could not warm still serves once bound.
      System.out.println("supervised-temporal: standby warm-up failed, continuing: " + e);
    } finally {
      if (channel != null) {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static void watchParent(long parentPid) {
    if (parentWatched) {
      return;
    }
    parentWatched = true;
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
