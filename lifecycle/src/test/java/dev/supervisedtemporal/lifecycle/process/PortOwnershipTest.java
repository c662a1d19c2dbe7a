package dev.supervisedtemporal.lifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PortOwnershipTest {

  @Test
  void parsesListeningLinesOfBothTables() {
    Listener v4 = PortOwnership.parse("   0: 0100007F:1C51 00000000:0000 0A 00000000:00000000 "
        + "00:00000000 00000000     0        0 123456 1 0000000000000000 100 0 0 10 0").orElseThrow();
    assertThat(v4.address()).isEqualTo("127.0.0.1");
    assertThat(v4.port()).isEqualTo(7249);
    assertThat(v4.inode()).isEqualTo(123456);
    assertThat(v4.isLoopbackOnly()).isTrue();

    Listener any6 = PortOwnership.parse("   1: 00000000000000000000000000000000:1C51 "
        + "00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 "
        + "0 0 99 1 0000000000000000 100 0 0 10 0").orElseThrow();
    assertThat(any6.address()).isEqualTo("::");
    assertThat(any6.isLoopbackOnly()).isFalse();

    assertThat(PortOwnership.decodeAddress("00000000000000000000000001000000")).isEqualTo("::1");
    assertThat(PortOwnership.decodeAddress("0000000000000000FFFF00000100007F"))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void ignoresConnectionsThatAreNotListening() {
    assertThat(PortOwnership.parse("   2: 0100007F:1C51 0100007F:D431 01 00000000:00000000 "
        + "00:00000000 00000000 0 0 555 1 0000000000000000 20 4 30 10 -1")).isEmpty();
    assertThat(PortOwnership.parse("garbage")).isEmpty();
  }

  @Test
  void findsThisJvmAsTheOwnerOfItsOwnListeningSocket() throws Exception {
    PortOwnership ports = new PortOwnership();
    assumeTrue(ports.isSupported(), "/proc/net/tcp is not readable here (not Linux)");
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      long self = ProcessHandle.current().pid();
      List<Listener> found = ports.listenersWithOwners(socket.getLocalPort(), Set.of());
      assertThat(found).singleElement().satisfies(l -> {
        assertThat(l.ownerPid()).contains(self);
        assertThat(l.address()).isEqualTo("127.0.0.1");
      });
    }
  }

  @Test
  void findsAListenerAmongOpenConnectionsAndKeepsTheLinkThatHoldsIt() throws Exception {
    PortOwnership ports = new PortOwnership();
    assumeTrue(ports.isSupported(), "/proc/net/tcp is not readable here (not Linux)");
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        Socket accepted = socket.accept()) {
      long self = ProcessHandle.current().pid();
      List<Listener> found = ports.listeners(socket.getLocalPort());
      assertThat(found).singleElement();
      long inode = found.get(0).inode();
      Map<Long, Path> links = ports.socketLinks(self, Set.of(inode));
      assertThat(links).containsOnlyKeys(inode);
      assertThat(PortOwnership.stillLinks(links.get(inode), inode)).isTrue();
      assertThat(PortOwnership.stillLinks(links.get(inode), inode + 1)).isFalse();
    }
  }

  @Test
  void theTreeOfAProcessHoldsItsChildrenWithoutScanningTheMachine() throws Exception {
    Process child = new ProcessBuilder("sleep", "30").start();
    try {
      assertThat(PortOwnership.treeOf(ProcessHandle.current()))
          .contains(ProcessHandle.current().pid(), child.pid());
      assertThat(PortOwnership.treeOf(child.toHandle())).containsExactly(child.pid());
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
