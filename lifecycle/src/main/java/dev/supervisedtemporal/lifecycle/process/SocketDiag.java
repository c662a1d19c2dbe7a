package dev.supervisedtemporal.lifecycle.process;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists the machine's listening TCP sockets through the kernel's socket-diagnostics netlink
 * interface ({@code NETLINK_SOCK_DIAG}, what {@code ss -lt} uses), asking for listeners only.
 *
 * <p>Why not {@code /proc/net/tcp}: to produce that file the kernel walks its whole
 * connection hash table, whose size follows the machine's memory, not its connections: about
 * 4 ms of CPU per read on an idle 2-core test VM, twice per health check. A listener-only
 * netlink dump walks the listening table alone (about 0.03 ms for both families there).
 */
final class SocketDiag {

  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;
  private static final int AF_NETLINK = 16;
  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int NETLINK_SOCK_DIAG = 4;
  private static final short SOCK_DIAG_BY_FAMILY = 20;
  private static final short NLM_F_REQUEST = 0x1;
  private static final short NLM_F_DUMP = 0x300;
  private static final short NLMSG_ERROR = 2;
  private static final short NLMSG_DONE = 3;
  private static final int IPPROTO_TCP = 6;
  private static final int TCP_LISTEN = 10;
  private static final int HEADER = 16;
  private static final int REQUEST = HEADER + 56;
  private static final int MESSAGE = 72;
  private static final int MAX_MESSAGES = 100_000;

  /** The libc calls a netlink request needs. */
  interface Libc extends Library {
    Libc INSTANCE = Native.load("c", Libc.class);

    int socket(int domain, int type, int protocol);

    long send(int fd, byte[] buffer, long length, int flags);

    long recv(int fd, byte[] buffer, long length, int flags);

    int close(int fd);
  }

  private SocketDiag() {}

  /**
   * Every listening TCP socket of both families, without owners; empty when the interface is
   * not available (not Linux, no JNA, the diag module refused), so callers fall back to
   * {@code /proc/net/tcp}.
   */
  static Optional<List<Listener>> listening() {
    Libc libc;
    try {
      libc = Libc.INSTANCE;
    } catch (LinkageError e) {
      return Optional.empty();
    }
    int fd = libc.socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0) {
      return Optional.empty();
    }
    try {
      List<Listener> found = new ArrayList<>();
      for (int family : new int[] {AF_INET, AF_INET6}) {
        if (!dump(libc, fd, family, found)) {
          return Optional.empty();
        }
      }
      return Optional.of(found);
    } finally {
      libc.close(fd);
    }
  }

  /** Asks for one family's listeners and appends them; false when the kernel refused. */
  private static boolean dump(Libc libc, int fd, int family, List<Listener> found) {
    ByteBuffer req = ByteBuffer.allocate(REQUEST).order(ByteOrder.nativeOrder());
    req.putInt(REQUEST).putShort(SOCK_DIAG_BY_FAMILY).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
        .putInt(family).putInt(0); // sequence number, port id (the kernel fills it)
    req.put((byte) family).put((byte) IPPROTO_TCP).put((byte) 0).put((byte) 0)
        .putInt(1 << TCP_LISTEN); // the rest (socket id) stays zero: a dump ignores it
    if (libc.send(fd, req.array(), REQUEST, 0) != REQUEST) {
      return false;
    }
    byte[] buffer = new byte[32 * 1024];
    int messages = 0;
    while (messages < MAX_MESSAGES) {
      long n = libc.recv(fd, buffer, buffer.length, 0);
      if (n <= 0) {
        return false;
      }
      ByteBuffer in = ByteBuffer.wrap(buffer, 0, (int) n).order(ByteOrder.nativeOrder());
      int at = 0;
      while (at + HEADER <= n) {
        int length = in.getInt(at);
        short type = in.getShort(at + 4);
        if (type == NLMSG_DONE) {
          return true;
        }
        if (type == NLMSG_ERROR || length < HEADER + MESSAGE || at + length > n) {
          return false;
        }
        found.add(listener(in, at + HEADER));
        messages++;
        at += (length + 3) & ~3;
      }
    }
    return false;
  }

  /** Reads one {@code inet_diag_msg}. */
  private static Listener listener(ByteBuffer in, int at) {
    int family = in.get(at) & 0xff;
    int port = ((in.get(at + 4) & 0xff) << 8) | (in.get(at + 5) & 0xff); // network order
    byte[] address = new byte[family == AF_INET ? 4 : 16];
    for (int i = 0; i < address.length; i++) {
      address[i] = in.get(at + 8 + i);
    }
    long inode = Integer.toUnsignedLong(in.getInt(at + 68));
    return new Listener(PortOwnership.formatAddress(address), port, inode, Optional.empty());
  }
}
