package dev.supervisedtemporal.chaos;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The port thief, run in a child JVM: waits for a go file, binds {@code host:port}, prints
 * {@code BOUND}, and holds the port (closing every connection) until it is killed or its parent
 * JVM is gone.
 *
 * <p>Arguments: {@code <host> <port> <go-file>}. It prints {@code READY} once it waits for the
 * go file, so the server can be killed and the port taken within milliseconds, before a
 * supervisor's restart can bind it again. Exit code 3: the port could not be bound in time.
 *
 * <p>Its waits are hand-written loops, not {@code Await}: the child JVM's class path holds only
 * this module's classes, and the go-file poll is the cadence that makes the theft win the race.
 */
final class PortThiefMain {

  private static final long BIND_WINDOW_NANOS = 10_000_000_000L;

  private PortThiefMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    ParentWatch.start();
    InetAddress host = InetAddress.getByName(args[0]);
    int port = Integer.parseInt(args[1]);
    Path go = Path.of(args[2]);
    say("READY");
    while (!Files.exists(go)) {
      Thread.sleep(1);
    }
    long deadline = System.nanoTime() + BIND_WINDOW_NANOS;
    ServerSocket socket = null;
    while (socket == null) {
      ServerSocket attempt = new ServerSocket();
      try {
        attempt.bind(new InetSocketAddress(host, port), 50);
        socket = attempt;
      } catch (BindException e) {
        attempt.close();
        if (System.nanoTime() > deadline) {
          say("FAILED " + e.getMessage());
          System.exit(3);
        }
        Thread.sleep(2);
      }
    }
    say("BOUND " + host.getHostAddress() + ":" + port + " pid " + ProcessHandle.current().pid());
    while (true) {
      try (Socket client = socket.accept()) {
        client.setSoLinger(true, 0);
      } catch (IOException e) {
        // keep holding the port
      }
    }
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
