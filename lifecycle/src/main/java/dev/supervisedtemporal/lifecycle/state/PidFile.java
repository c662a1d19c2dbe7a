package dev.supervisedtemporal.lifecycle.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.supervisedtemporal.lifecycle.process.ProcessIdentity;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apiguardian.api.API;

/**
 * Records the running server's full identity (pid, start time, command line) and port.
 *
 * <p>A pid alone names a number the kernel reuses; this file names a process. It is written
 * atomically (temp file + rename, which replaces a planted symbolic link rather than following
 * it) and read without following links.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class PidFile {

  /** The pid file's name inside the state directory. */
  public static final String FILE_NAME = "server.pid";

  private final Path file;

  /** The pid file of a state directory. */
  public PidFile(Path stateDir) {
    this.file = stateDir.resolve(FILE_NAME);
  }

  /**
   * What a pid file said.
   *
   * @param identity the server's identity
   * @param port the port it was started on
   */
  @API(status = INTERNAL, since = "0.1.0")
  public record Content(ProcessIdentity identity, int port) {}

  /** The file's path. */
  public Path path() {
    return file;
  }

  /** Writes the identity and port atomically. */
  public void write(ProcessIdentity identity, int port) {
    Properties p = new Properties();
    p.setProperty("pid", Long.toString(identity.pid()));
    p.setProperty("start", identity.startInstant().toString());
    p.setProperty("port", Integer.toString(port));
    List<String> line = identity.commandLine();
    p.setProperty("argc", Integer.toString(line.size()));
    for (int i = 0; i < line.size(); i++) {
      p.setProperty("arg." + i, line.get(i));
    }
    try {
      StringWriter text = new StringWriter();
      p.store(text, "supervised-temporal server identity");
      Path temp = file.resolveSibling(FILE_NAME + ".tmp");
      Files.deleteIfExists(temp);
      Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write pid file " + file, e);
    }
  }

  /** Whether a pid file (or something in its place) exists. */
  public boolean exists() {
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Reads the file.
   *
   * @throws InvalidPidFileException when it is a symbolic link, unreadable, or malformed
   */
  public Content read() {
    if (Files.isSymbolicLink(file)) {
      throw new InvalidPidFileException("pid file " + file + " is a symbolic link; not followed");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidPidFileException("pid file " + file + " is unreadable: " + e);
    }
    Properties p = new Properties();
    try (Reader reader = new StringReader(text)) {
      p.load(reader);
      long pid = Long.parseLong(require(p, "pid"));
      Instant start = Instant.parse(require(p, "start"));
      int port = Integer.parseInt(require(p, "port"));
      int argc = Integer.parseInt(require(p, "argc"));
      List<String> line = new ArrayList<>();
      for (int i = 0; i < argc; i++) {
        line.add(require(p, "arg." + i));
      }
      return new Content(new ProcessIdentity(pid, start, line), port);
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      throw new InvalidPidFileException("pid file " + file + " is malformed (" + e.getMessage()
          + "); it starts with: " + abbreviate(text));
    }
  }

  /** Deletes the file, or a link in its place, without following links; idempotent. */
  public void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete pid file " + file, e);
    }
  }

  private static String require(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("missing " + key);
    }
    return value;
  }

  private static String abbreviate(String text) {
    String one = text.replaceAll("\\s+", " ").trim();
    return "'" + (one.length() > 60 ? one.substring(0, 57) + "..." : one) + "'";
  }
}
