package dev.supervisedtemporal.lifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SocketDiagTest {

  @Test
  void listsTheSameListenersAsTheProcTablesAndNoConnections() throws Exception {
    Optional<List<Listener>> first = SocketDiag.listening();
    assumeTrue(first.isPresent(), "no NETLINK_SOCK_DIAG here");
    InetAddress v6 = Inet6Address.getByName("::1");
    try (ServerSocket v4 = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket six = new ServerSocket(0, 1, v6);
        Socket client = new Socket(InetAddress.getLoopbackAddress(), v4.getLocalPort());
        Socket accepted = v4.accept()) {
      List<Listener> diag = SocketDiag.listening().orElseThrow();
      List<Listener> table = new ArrayList<>();
      // "/proc/." reads the real tables through the file path, not through netlink
      PortOwnership fromFiles = new PortOwnership(java.nio.file.Path.of("/proc/."));
      table.addAll(fromFiles.listeners(v4.getLocalPort()));
      table.addAll(fromFiles.listeners(six.getLocalPort()));

      List<Listener> ours = diag.stream().filter(l -> l.port() == v4.getLocalPort()
          || l.port() == six.getLocalPort()).toList();
      assertThat(ours).as("the netlink listing of our two listeners, none for the connection")
          .containsExactlyInAnyOrderElementsOf(table).hasSize(2);
      assertThat(ours).extracting(Listener::address).containsExactlyInAnyOrder("127.0.0.1", "::1");
      assertThat(ours).allSatisfy(l -> assertThat(l.inode()).isPositive());
    }
  }
}
