package dev.supervisedtemporal.lifecycle.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Finds which process listens on a TCP port, from the kernel's socket diagnostics (or
 * {@code /proc/net/tcp{,6}} where those do not answer) and {@code /proc/<pid>/fd}.
 *
 * <p>"Something accepts connections on the port" is not "our server listens there": this class
 * answers the second question, and names the owner when it is someone else.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class PortOwnership {

  private static final String LISTEN = "0A";
  private static final String SYN_RECV = "03";
  private static final int TABLE_READ_BYTES = 512;
  private static final Path REAL_PROC = Path.of("/proc");
  private final Path proc;

  /** Reads the real {@code /proc}. */
  public PortOwnership() {
    this(REAL_PROC);
  }

  PortOwnership(Path proc) {
    this.proc = proc;
  }

  /** Whether this machine exposes the files this class reads (Linux). */
  public boolean isSupported() {
    return Files.isReadable(proc.resolve("net/tcp"));
  }

  /** Every listening socket on the port (IPv4 and IPv6), without owners. */
  public List<Listener> listeners(int port) {
    List<Listener> found = new ArrayList<>();
    for (Listener l : listening()) {
      if (l.port() == port) {
        found.add(l);
      }
    }
    return found;
  }

  /**
   * Every listening TCP socket of the machine (IPv4 and IPv6), without owners: from the kernel's
   * socket-diagnostics interface when this reads the real {@code /proc} and it answers, else
   * from {@code /proc/net/tcp{,6}}.
   */
  private List<Listener> listening() {
    if (proc.equals(REAL_PROC)) {
      Optional<List<Listener>> diag = SocketDiag.listening();
      if (diag.isPresent()) {
        return diag.get();
      }
    }
    List<Listener> found = new ArrayList<>();
    for (String table : List.of("net/tcp", "net/tcp6")) {
      Path file = proc.resolve(table);
      if (!Files.isReadable(file)) {
        continue;
      }
      for (String line : listeningLines(file)) {
        parse(line).ifPresent(found::add);
      }
    }
    return found;
  }

  /**
   * The listening sockets on the port, each with its owner pid searched among the given
   * processes first and then, for what is left, among all processes.
   */
  public List<Listener> listenersWithOwners(int port, Set<Long> candidates) {
    List<Listener> raw = listeners(port);
    if (raw.isEmpty()) {
      return raw;
    }
    Map<Long, Long> owners = new HashMap<>();
    Set<Long> wanted = new HashSet<>();
    raw.forEach(l -> wanted.add(l.inode()));
    searchOwners(candidates.stream(), wanted, owners);
    if (owners.size() < wanted.size()) {
      try (Stream<Path> all = Files.list(proc)) {
        searchOwners(all.map(p -> p.getFileName().toString())
            .filter(n -> n.chars().allMatch(Character::isDigit))
            .map(Long::parseLong), wanted, owners);
      } catch (IOException e) {
        // owners stay unknown
      }
    }
    List<Listener> result = new ArrayList<>();
    for (Listener l : raw) {
      result.add(new Listener(l.address(), l.port(), l.inode(),
          Optional.ofNullable(owners.get(l.inode()))));
    }
    return result;
  }

  /** Every listening TCP socket (IPv4 and IPv6) held by one of the given processes. */
  public List<Listener> listenersOwnedBy(Set<Long> pids) {
    Map<Long, Listener> byInode = new HashMap<>();
    for (Listener l : listening()) {
      byInode.put(l.inode(), l);
    }
    Map<Long, Long> owners = new HashMap<>();
    Set<Long> wanted = new HashSet<>(byInode.keySet());
    Set<Long> found = new HashSet<>();
    for (long pid : pids) {
      Map<Long, Long> one = new HashMap<>();
      searchOwners(Stream.of(pid), wanted, one);
      owners.putAll(one);
      found.addAll(one.keySet());
    }
    List<Listener> result = new ArrayList<>();
    for (long inode : found) {
      Listener l = byInode.get(inode);
      result.add(new Listener(l.address(), l.port(), inode, Optional.of(owners.get(inode))));
    }
    return result;
  }

  /**
   * The lines of a socket table up to its first connection: the kernel lists listening sockets
   * first, and it generates the file as it is read, so stopping there spares it the walk over
   * every connection on the machine (most of the cost of reading the whole file). A missing or
   * unreadable table lists nothing.
   */
  private static List<String> listeningLines(Path table) {
    List<String> lines = new ArrayList<>();
    // Small reads: the kernel generates only as much of the table as each read asks for.
    byte[] chunk = new byte[TABLE_READ_BYTES];
    StringBuilder line = new StringBuilder(160);
    boolean header = true;
    try (InputStream in = Files.newInputStream(table)) {
      for (int n; (n = in.read(chunk)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (chunk[i] != '\n') {
            line.append((char) chunk[i]);
            continue;
          }
          String text = line.toString();
          line.setLength(0);
          if (header) {
            header = false;
            continue;
          }
          String[] f = text.trim().split("\\s+", 5);
          if (f.length < 4 || !(LISTEN.equals(f[3]) || SYN_RECV.equals(f[3]))) {
            return lines;
          }
          lines.add(text);
        }
      }
    } catch (IOException e) {
      // a table that vanished or is unreadable lists nothing
    }
    return lines;
  }

  /**
   * The pids of a process and all its descendants, read from the {@code children} files of the
   * tree's own threads ({@code /proc/<pid>/task/<tid>/children}): work in proportion to our
   * tree, not to the machine. Where those files are missing it falls back to
   * {@link ProcessHandle#descendants()}, which scans every process.
   */
  public static Set<Long> treeOf(ProcessHandle root) {
    Set<Long> pids = new HashSet<>();
    pids.add(root.pid());
    Path proc = Path.of("/proc");
    String self = Long.toString(root.pid());
    if (!Files.isReadable(proc.resolve(self).resolve("task").resolve(self).resolve("children"))) {
      root.descendants().forEach(d -> pids.add(d.pid()));
      return pids;
    }
    List<Long> todo = new ArrayList<>(List.of(root.pid()));
    while (!todo.isEmpty()) {
      long pid = todo.remove(todo.size() - 1);
      try (DirectoryStream<Path> tasks =
          Files.newDirectoryStream(proc.resolve(Long.toString(pid)).resolve("task"))) {
        for (Path task : tasks) {
          String children;
          try {
            children = Files.readString(task.resolve("children"), StandardCharsets.US_ASCII);
          } catch (IOException e) {
            continue; // the thread ended
          }
          for (String child : children.trim().split("\\s+")) {
            if (!child.isEmpty() && pids.add(Long.parseLong(child))) {
              todo.add(Long.parseLong(child));
            }
          }
        }
      } catch (IOException | SecurityException e) {
        // the process ended
      }
    }
    return pids;
  }

  /**
   * The file-descriptor links ({@code /proc/<pid>/fd/<n>}) through which the process holds the
   * given socket inodes; inodes it does not hold are absent.
   */
  public Map<Long, Path> socketLinks(long pid, Set<Long> inodes) {
    Map<Long, Path> links = new HashMap<>();
    Path fds = proc.resolve(Long.toString(pid)).resolve("fd");
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(fds)) {
      for (Path fd : stream) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            long inode = Long.parseLong(target.substring(8, target.length() - 1));
            if (inodes.contains(inode)) {
              links.put(inode, fd);
            }
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    } catch (IOException | SecurityException e) {
      // the process exited or is not ours to read
    }
    return links;
  }

  /** Whether the file-descriptor link still points at the socket inode: one readlink. */
  public static boolean stillLinks(Path fdLink, long inode) {
    try {
      return Files.readSymbolicLink(fdLink).toString().equals("socket:[" + inode + "]");
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private void searchOwners(Stream<Long> pids, Set<Long> wanted, Map<Long, Long> owners) {
    pids.forEach(pid -> {
      if (owners.size() == wanted.size()) {
        return;
      }
      Path fds = proc.resolve(Long.toString(pid)).resolve("fd");
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(fds)) {
        for (Path fd : stream) {
          String target;
          try {
            target = Files.readSymbolicLink(fd).toString();
          } catch (IOException e) {
            continue;
          }
          if (target.startsWith("socket:[")) {
            long inode = Long.parseLong(target.substring(8, target.length() - 1));
            if (wanted.contains(inode)) {
              owners.putIfAbsent(inode, pid);
            }
          }
        }
      } catch (IOException | SecurityException e) {
        // the process exited or is not ours to read
      }
    });
  }

  static Optional<Listener> parse(String line) {
    String[] f = line.trim().split("\\s+");
    if (f.length < 10 || !LISTEN.equals(f[3])) {
      return Optional.empty();
    }
    String[] local = f[1].split(":");
    int port = Integer.parseInt(local[1], 16);
    long inode = Long.parseLong(f[9]);
    return Optional.of(new Listener(decodeAddress(local[0]), port, inode, Optional.empty()));
  }

  static String decodeAddress(String hex) {
    if (hex.length() == 8) {
      // IPv4, little-endian on the architectures we run on
      long v = Long.parseLong(hex, 16);
      return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
    }
    // IPv6: four little-endian 32-bit words
    byte[] raw = new byte[16];
    for (int word = 0; word < 4; word++) {
      for (int b = 0; b < 4; b++) {
        int hexPos = word * 8 + (3 - b) * 2;
        raw[word * 4 + b] = (byte) Integer.parseInt(hex.substring(hexPos, hexPos + 2), 16);
      }
    }
    return formatAddress(raw);
  }

  /**
   * An address in network byte order (4 or 16 bytes) as text: dotted IPv4 (also for an
   * IPv4-mapped IPv6 address), else IPv6 groups without leading zeros, {@code ::} and
   * {@code ::1} abbreviated.
   */
  static String formatAddress(byte[] address) {
    int[] bytes = new int[address.length];
    for (int i = 0; i < address.length; i++) {
      bytes[i] = address[i] & 0xff;
    }
    if (bytes.length == 4) {
      return bytes[0] + "." + bytes[1] + "." + bytes[2] + "." + bytes[3];
    }
    if (isV4Mapped(bytes)) {
      return bytes[12] + "." + bytes[13] + "." + bytes[14] + "." + bytes[15];
    }
    StringBuilder groups = new StringBuilder();
    for (int i = 0; i < 16; i += 2) {
      if (i > 0) {
        groups.append(':');
      }
      groups.append(Integer.toHexString((bytes[i] << 8) | bytes[i + 1]));
    }
    String full = groups.toString();
    if (full.equals("0:0:0:0:0:0:0:0")) {
      return "::";
    }
    return full.equals("0:0:0:0:0:0:0:1") ? "::1" : full;
  }

  private static boolean isV4Mapped(int[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == 0xff && bytes[11] == 0xff;
  }
}
