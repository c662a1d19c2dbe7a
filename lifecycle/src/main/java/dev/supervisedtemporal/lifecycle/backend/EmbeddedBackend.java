package dev.supervisedtemporal.lifecycle.backend;

import dev.supervisedtemporal.lifecycle.process.ProcessSpawner;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Temporal Java test server in a child JVM through {@link EmbeddedServerMain}.
 *
 * <p>The child's class path is a small launcher jar (written once to the cache directory) plus
 * the jar entries of this JVM's class path. With fast start on, the child runs with
 * {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} and an AppCDS archive that one training run
 * writes, keyed by class path and JDK, in the cache directory.
 */
public final class EmbeddedBackend implements ServerBackend {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBackend.class);
  private static final String LAUNCHER = EmbeddedServerMain.class.getName();
  private static final Object PREPARE_LOCK = new Object();
  /** {@code EmbeddedServerMain.STANDBY_FLAG}: the launcher's argument for a warm standby. */
  static final String STANDBY_FLAG = "--standby";

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
    return Optional.ofNullable(
        io.temporal.internal.testservice.TestServicesStarter.class.getPackage()
            .getImplementationVersion());
  }

  @Override
  public void prepare() {
    synchronized (PREPARE_LOCK) {
      if (classPath == null) {
        classPath = buildClassPath();
      }
      if (fastStart && archive == null) {
        archive = ensureArchive();
      }
    }
  }

  @Override
  public List<String> command(LaunchSpec spec) {
    prepare();
    List<String> command = jvm(archive == null ? List.of() : List.of(
        "-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
    command.add(Integer.toString(spec.port()));
    command.add(Long.toString(ProcessHandle.current().pid()));
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
    return exitCode == EmbeddedServerMain.EXIT_PORT_IN_USE;
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
    // The JVM ignores an archive whose class-path jars changed size or time since it was
    // written, so both are part of the key: a rebuilt jar means a new training run.
    StringBuilder stamp = new StringBuilder();
    for (String entry : classPath) {
      try {
        Path jar = Path.of(entry);
        stamp.append(entry).append('|').append(Files.size(jar)).append('|')
            .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
      } catch (IOException e) {
        stamp.append(entry).append("|?\n");
      }
    }
    String key = CacheDir.sha256(CacheDir.utf8(stamp.toString()),
        CacheDir.utf8(System.getProperty("java.home")),
        CacheDir.utf8(System.getProperty("java.vm.version")));
    Path dir = CacheDir.resolve().resolve("cds");
    Path target = dir.resolve("embedded-" + key + ".jsa");
    if (Files.isRegularFile(target)) {
      return target;
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
      LOG.info("wrote class-data archive {} in {} ms", target,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
      return target;
    } catch (IOException e) {
      LOG.warn("cannot write a class-data archive; starting without one", e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static List<String> buildClassPath() {
    List<String> entries = new ArrayList<>();
    entries.add(launcherJar().toString());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      // Directories would make the class-data archive unusable, and this project's own jars
      // change with every build; the server needs neither (the launcher jar has its main).
      Path path = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(path)
          && !path.getFileName().toString().startsWith("supervised-temporal-")) {
        entries.add(entry);
      }
    }
    // A fat jar holds the server too: keep whatever jar the test server itself came from.
    try {
      String server = Path.of(io.temporal.internal.testservice.TestServicesStarter.class
          .getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      if (!entries.contains(server)) {
        entries.add(server);
      }
    } catch (java.net.URISyntaxException | RuntimeException e) {
      LOG.debug("cannot locate the test server's jar", e);
    }
    return entries;
  }

  private static Path launcherJar() {
    String resource = LAUNCHER.replace('.', '/') + ".class";
    byte[] bytes;
    try (InputStream in = EmbeddedBackend.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("cannot find " + resource + " on the class path");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path jar = CacheDir.resolve().resolve("launcher-" + CacheDir.sha256(bytes) + ".jar");
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    try {
      Path temp = Files.createTempFile(jar.getParent(), "launcher", ".tmp");
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
      try (OutputStream file = Files.newOutputStream(temp);
          JarOutputStream out = new JarOutputStream(file, manifest)) {
        out.putNextEntry(new JarEntry(resource));
        out.write(bytes);
        out.closeEntry();
      }
      Files.move(temp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the launcher jar " + jar, e);
    }
  }
}
