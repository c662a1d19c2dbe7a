package dev.supervisedtemporal.lifecycle.backend;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.supervisedtemporal.lifecycle.process.ProcessSpawner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Temporal Java test server in a child JVM that runs one self-contained jar alone.
 *
 * <p>The child's class path is exactly one jar, {@link EmbeddedServerJar}: the pinned test
 * server, its dependencies and the launcher {@code EmbeddedServerMain} (module
 * {@code supervised-temporal-embedded-server}). Nothing of this JVM's class path enters it, so
 * the user's Temporal SDK, grpc and protobuf versions never meet the server's. With fast start
 * on, the child runs with {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} and an AppCDS archive
 * that one training run writes into the cache directory, keyed by that jar and the JDK: trained
 * once per machine and version, shared by every project. Without a writable cache the server
 * still starts, from a jar unpacked for this JVM only and without an archive (slower), and one
 * log line says why.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class EmbeddedBackend implements ServerBackend {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBackend.class);
  /** The launcher's main class inside the server jar (module embedded-server). */
  private static final String LAUNCHER =
      "dev.supervisedtemporal.lifecycle.backend.EmbeddedServerMain";
  /** {@code EmbeddedServerMain.EXIT_PORT_IN_USE}: the port was taken. */
  static final int EXIT_PORT_IN_USE = 98;
  /** {@code EmbeddedServerMain.TIME_SKIPPING_FLAG}: the launcher's argument for time skipping. */
  static final String TIME_SKIPPING_FLAG = "--time-skipping";
  /** {@code EmbeddedServerMain.STANDBY_FLAG}: the launcher's argument for a warm standby. */
  static final String STANDBY_FLAG = "--standby";
  private static final Object PREPARE_LOCK = new Object();
  /** One server jar per JVM, shared by every embedded backend. */
  private static EmbeddedServerJar serverJar;
  /** Why the cache is not used, or null; logged once per JVM. */
  private static String noCache;
  private static boolean noCacheLogged;

  private final boolean fastStart;
  private final Path javaExecutable;
  private volatile List<String> classPath;
  private volatile Path archive;

  /** Creates the backend; fast start trades a one-time training run for a faster spawn. */
  public EmbeddedBackend(boolean fastStart) {
    this.fastStart = fastStart;
    this.javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
  }

  @Override
  public String name() {
    return "embedded";
  }

  /** Whether the fast-start JVM flags and class-data archive are used. */
  public boolean fastStart() {
    return fastStart;
  }

  @Override
  public Optional<String> version() {
    return Optional.of(EmbeddedServerJar.temporalVersion(EmbeddedBackend.class.getClassLoader()));
  }

  @Override
  public void prepare() {
    synchronized (PREPARE_LOCK) {
      if (serverJar == null) {
        serverJar = EmbeddedServerJar.locate(CacheDir.location(), EmbeddedBackend::noteNoCache);
      }
      if (classPath == null) {
        classPath = List.of(serverJar.path().toString());
      }
      if (fastStart && archive == null) {
        archive = ensureArchive();
      }
      if (noCache != null && !noCacheLogged) {
        noCacheLogged = true;
        LOG.warn("{}: the embedded server starts {}without a class-data archive (slower); set "
            + "supervised.temporal.cache-dir to a writable folder to cache both", noCache,
            serverJar.cached() ? "" : "from a jar unpacked for this JVM only (" + serverJar.path()
                + ") and ");
      }
    }
  }

  private static void noteNoCache(String why) {
    if (noCache == null) {
      noCache = why;
    }
  }

  @Override
  public List<String> command(LaunchSpec spec) {
    prepare();
    List<String> command = jvm(archive == null ? List.of() : List.of(
        "-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
    // The server logs through whatever SLF4J binding the class path has; slf4j-simple's level.
    command.add(command.indexOf("-cp"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + spec.options().logLevel());
    command.add(Integer.toString(spec.port()));
    command.add(Long.toString(ProcessHandle.current().pid()));
    if (spec.options().timeSkipping()) {
      command.add(TIME_SKIPPING_FLAG);
    }
    return command;
  }

  /**
   * Whether a command line (program first) is a warm standby this backend started for the
   * port: the launcher with the port as its first argument and the standby flag. For leak checks.
   */
  public static boolean isStandbyFor(List<String> commandLine, int port) {
    int main = commandLine.indexOf(LAUNCHER);
    return main >= 0 && main + 1 < commandLine.size()
        && commandLine.get(main + 1).equals(Integer.toString(port))
        && commandLine.subList(main + 1, commandLine.size()).contains(STANDBY_FLAG);
  }

  @Override
  public boolean supportsStandby() {
    return true;
  }

  @Override
  public Optional<List<String>> standbyCommand(LaunchSpec spec) {
    List<String> command = command(spec);
    command.add(STANDBY_FLAG);
    return Optional.of(command);
  }

  @Override
  public boolean exitedBecausePortInUse(int exitCode, List<String> logTail) {
    return exitCode == EXIT_PORT_IN_USE;
  }

  private List<String> jvm(List<String> extraFlags) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable.toString());
    command.add("-Xss512k");
    command.add("-XX:-UsePerfData");
    if (fastStart) {
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-XX:+UseSerialGC");
    }
    command.addAll(extraFlags);
    command.add("-Dsupervised.temporal.server=embedded");
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classPath));
    command.add(LAUNCHER);
    return command;
  }

  private Path ensureArchive() {
    // Keyed by the server jar (its content key is in its name) and the JDK. The JVM also ignores
    // an archive whose jar changed size or time since it was written, so both are in the key:
    // a jar unpacked anew means a new training run.
    if (!serverJar.cached()) {
      return null; // a jar that lives as long as this JVM is not worth a training run
    }
    Path jar = serverJar.path();
    String stamp;
    try {
      stamp = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
    } catch (IOException e) {
      stamp = jar + "|?";
    }
    String key = CacheDir.sha256(CacheDir.utf8(stamp),
        CacheDir.utf8(System.getProperty("java.home")),
        CacheDir.utf8(System.getProperty("java.vm.version")));
    Path cacheDir = CacheDir.location();
    Path dir = cacheDir.resolve("cds");
    Path target = dir.resolve("embedded-" + serverJar.key() + "-" + key + ".jsa");
    if (Files.isRegularFile(target)) {
      return target;
    }
    if (CacheDir.writable(cacheDir, EmbeddedBackend::noteNoCache).isEmpty()) {
      return null;
    }
    try {
      Files.createDirectories(dir);
      Path temp = dir.resolve("embedded-" + key + "." + ProcessHandle.current().pid() + ".tmp.jsa");
      Path log = dir.resolve("training-" + key + ".log");
      List<String> command = jvm(List.of("-XX:ArchiveClassesAtExit=" + temp));
      command.add("0");
      command.add(Long.toString(ProcessHandle.current().pid()));
      command.add("--train");
      long began = System.nanoTime();
      Process training = ProcessSpawner.spawn(command, dir, log);
      try {
        if (!training.waitFor(120, TimeUnit.SECONDS)) {
          LOG.warn("class-data training run timed out; starting without an archive");
          return null;
        }
      } finally {
        training.destroyForcibly();
      }
      if (training.exitValue() != 0 || !Files.isRegularFile(temp)) {
        LOG.warn("class-data training run exited {}; starting without an archive (see {})",
            training.exitValue(), log);
        Files.deleteIfExists(temp);
        return null;
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      LOG.info("trained the embedded server's class-data archive in {} ms, once for this machine,"
          + " server jar and JDK: {}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began),
          target);
      return target;
    } catch (IOException e) {
      LOG.warn("cannot write a class-data archive; starting without one", e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
