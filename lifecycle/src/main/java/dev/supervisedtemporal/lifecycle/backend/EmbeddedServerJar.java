package dev.supervisedtemporal.lifecycle.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

/**
 * The embedded server's self-contained runnable jar on disk: the one entry of the child JVM's
 * class path.
 *
 * <p>The jar travels as a resource of {@code supervised-temporal-embedded-server} (a runtime
 * dependency of lifecycle) and is unpacked once into the cache directory under a name keyed by
 * its content (CRC-32 and length), so every project and every JVM on a machine shares one copy.
 * When the cache cannot be written, it is unpacked into a temporary directory that this JVM owns
 * and deletes at exit, and {@link #cached()} is {@code false}.
 *
 * @param path the jar, a regular file
 * @param key the content key in the jar's name, e.g. {@code 1a2b3c4d-39063914}
 * @param cached whether it lives in the shared cache (so a class-data archive may be kept)
 * @param temporalVersion the version of the Temporal test server inside
 */
record EmbeddedServerJar(Path path, String key, boolean cached, String temporalVersion) {

  static final String RESOURCE_DIR = "dev/supervisedtemporal/embedded/";
  static final String JAR_RESOURCE = RESOURCE_DIR + "embedded-server.jar";
  static final String PROPERTIES_RESOURCE = RESOURCE_DIR + "embedded-server.properties";
  private static final String TEMP_PREFIX = "supervised-temporal-embedded-";

  /**
   * Finds the jar resource and makes it a file: in place when the resource already is one (a
   * build's output directory), else unpacked into the cache or, failing that, a temporary
   * directory.
   *
   * @param cacheLocation the cache directory, which may be missing or read-only
   * @param noCache receives why the cache was not used, at most once
   */
  static EmbeddedServerJar locate(Path cacheLocation, Consumer<String> noCache) {
    ClassLoader loader = EmbeddedServerJar.class.getClassLoader();
    URL resource = loader.getResource(JAR_RESOURCE);
    if (resource == null) {
      throw new IllegalStateException("the embedded server jar (" + JAR_RESOURCE + ") is not on "
          + "the class path: add dev.supervisedtemporal:supervised-temporal-embedded-server "
          + "(lifecycle's runtime dependency), or use backend cli or external");
    }
    String version = temporalVersion(loader);
    try {
      if ("file".equals(resource.getProtocol())) {
        Path file = Path.of(resource.toURI());
        return new EmbeddedServerJar(file, contentKey(file), true, version);
      }
      Optional<JarEntry> entry = entryOf(resource);
      if (entry.isPresent()) {
        // Already unpacked (possibly into a cache that is read-only now): nothing to write.
        Path shared = cacheLocation.resolve(fileName(key(entry.get().getCrc(),
            entry.get().getSize())));
        if (Files.isRegularFile(shared) && Files.size(shared) == entry.get().getSize()) {
          return new EmbeddedServerJar(shared, keyOf(shared), true, version);
        }
      }
      Optional<Path> cache = CacheDir.writable(cacheLocation, noCache);
      Path dir = cache.isPresent() ? cache.get() : ownedTempDir();
      Path unpacked = unpack(resource, dir);
      if (cache.isEmpty()) {
        unpacked.toFile().deleteOnExit();
      }
      return new EmbeddedServerJar(unpacked, keyOf(unpacked), cache.isPresent(), version);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the embedded server jar " + resource, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot read the embedded server jar " + resource, e);
    }
  }

  /** The jar entry behind a {@code jar:file:...!/...} URL, read from the zip's directory. */
  private static Optional<JarEntry> entryOf(URL resource) throws IOException {
    String spec = resource.toString();
    int bang = spec.indexOf("!/");
    if (!spec.startsWith("jar:file:") || bang < 0 || spec.indexOf("!/", bang + 2) >= 0) {
      return Optional.empty(); // nested or exotic class path: unpack and key by content
    }
    try (JarFile jar = new JarFile(Path.of(new URL(spec.substring(4, bang)).toURI()).toFile())) {
      JarEntry entry = jar.getJarEntry(spec.substring(bang + 2));
      return entry == null || entry.getCrc() < 0 || entry.getSize() < 0
          ? Optional.empty() : Optional.of(entry);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Copies the resource to {@code dir}, then moves it atomically to its content-keyed name. */
  private static Path unpack(URL resource, Path dir) throws IOException {
    Path temp = Files.createTempFile(dir, "embedded-server", ".tmp");
    try {
      CRC32 crc = new CRC32();
      long size = 0;
      byte[] buffer = new byte[1 << 16];
      try (InputStream in = resource.openStream();
          OutputStream out = Files.newOutputStream(temp)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          crc.update(buffer, 0, n);
          out.write(buffer, 0, n);
          size += n;
        }
      }
      Path target = dir.resolve(fileName(key(crc.getValue(), size)));
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      return target;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * A fresh directory under {@code java.io.tmpdir} that this JVM deletes at exit; directories
   * left by JVMs that no longer run (killed before their exit hooks) are removed first.
   */
  private static Path ownedTempDir() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long pid = ProcessHandle.current().pid();
    try (DirectoryStream<Path> old = Files.newDirectoryStream(tmp, TEMP_PREFIX + "*")) {
      for (Path dir : old) {
        Optional<Long> owner = ownerPid(dir.getFileName().toString());
        if (owner.isPresent() && owner.get() != pid
            && ProcessHandle.of(owner.get()).isEmpty()) {
          deleteQuietly(dir);
        }
      }
    } catch (IOException e) {
      // Sweeping is best effort; the fresh directory below is what matters.
    }
    Path dir;
    try {
      dir = Files.createTempDirectory(tmp, TEMP_PREFIX + pid + "-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new IOException("neither the cache directory nor java.io.tmpdir (" + tmp + ") is "
          + "writable; set supervised.temporal.cache-dir or java.io.tmpdir to a writable folder",
          e);
    }
    dir.toFile().deleteOnExit(); // registered first, so it runs after the jar's deletion
    return dir;
  }

  private static Optional<Long> ownerPid(String name) {
    String rest = name.substring(TEMP_PREFIX.length());
    int dash = rest.indexOf('-');
    try {
      return dash <= 0 ? Optional.empty() : Optional.of(Long.parseLong(rest.substring(0, dash)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // Another JVM may be sweeping too; what is left is tried again next time.
    }
  }

  private static String contentKey(Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[1 << 16];
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
        size += n;
      }
    }
    return key(crc.getValue(), size);
  }

  private static String keyOf(Path jar) {
    String name = jar.getFileName().toString();
    return name.substring("embedded-server-".length(), name.length() - ".jar".length());
  }

  private static String key(long crc, long size) {
    return String.format("%08x-%d", crc, size);
  }

  private static String fileName(String key) {
    return "embedded-server-" + key + ".jar";
  }

  /** The Temporal test server version inside the jar, from its properties; for logs. */
  static String temporalVersion(ClassLoader loader) {
    Properties properties = new Properties();
    try (InputStream in = loader.getResourceAsStream(PROPERTIES_RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // The version is for logs only.
    }
    return properties.getProperty("temporal.version", "unknown");
  }
}
