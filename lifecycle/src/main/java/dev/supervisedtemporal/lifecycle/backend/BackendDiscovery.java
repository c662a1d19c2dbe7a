package dev.supervisedtemporal.lifecycle.backend;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.supervisedtemporal.lifecycle.settings.InvalidSettingException;
import dev.supervisedtemporal.lifecycle.settings.SettingRules;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Temporal CLI and picks a backend for {@link BackendKind#AUTO}.
 *
 * <p>The CLI is looked for in this order: an explicit path; the system property
 * {@value #CLI_PROPERTY}; the environment variable {@value #CLI_ENV}; {@code temporal} on
 * {@code PATH}; the project-local install {@code .tools/bin/temporal} in the working directory or
 * one of its parents. Without any, AUTO means the embedded server.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class BackendDiscovery {

  /** The system property naming the CLI binary. */
  public static final String CLI_PROPERTY = "supervised.temporal.cli";

  /** The environment variable naming the CLI binary. */
  public static final String CLI_ENV = "TEMPORAL_CLI";

  private static final Logger LOG = LoggerFactory.getLogger(BackendDiscovery.class);
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

  private BackendDiscovery() {}

  /**
   * The Temporal CLI binary, or empty when none is installed.
   *
   * @throws InvalidSettingException when an explicit setting names a file that is not an
   *     executable
   */
  public static Optional<Path> findCli() {
    String property = System.getProperty(CLI_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(requireExecutable(CLI_PROPERTY, Path.of(property)));
    }
    String env = System.getenv(CLI_ENV);
    if (env != null && !env.isBlank()) {
      return Optional.of(requireExecutable(CLI_ENV, Path.of(env)));
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          Path candidate = Path.of(dir, "temporal");
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        }
      }
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(".tools/bin/temporal");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Path requireExecutable(String setting, Path path) {
    return SettingRules.cliPath(setting, path);
  }

  /**
   * The backend for a kind: for AUTO the CLI when installed, else the embedded server.
   *
   * @param kind the requested kind; EXTERNAL needs {@code target}
   * @param cliPath an explicit CLI binary, or null to discover one
   * @param target {@code host:port} for EXTERNAL, else ignored
   * @param fastStart whether the embedded server uses the fast-start flags
   * @throws IllegalArgumentException when CLI is requested and none is installed, or a setting
   *     is invalid
   */
  public static ServerBackend resolve(BackendKind kind, Path cliPath, String target,
      boolean fastStart) {
    ServerBackend backend = switch (kind) {
      case EMBEDDED -> new EmbeddedBackend(fastStart);
      case EXTERNAL -> new ExternalBackend(target);
      case CLI -> new CliBackend(Optional.ofNullable(cliPath).or(BackendDiscovery::findCli)
          .orElseThrow(() -> new InvalidSettingException("backend", "cli", ", but no Temporal "
              + "CLI was found", "a binary named by cliPath, -D" + CLI_PROPERTY + ", $" + CLI_ENV
              + ", 'temporal' on PATH, or .tools/bin/temporal (run scripts/install-temporal-cli)"
          )));
      case AUTO -> Optional.ofNullable(cliPath).or(BackendDiscovery::findCli)
          .<ServerBackend>map(CliBackend::new)
          .orElseGet(() -> new EmbeddedBackend(fastStart));
    };
    if (LOGGED.add(backend.name())) {
      LOG.info("supervised-temporal backend for {}: {}{} {}", kind, backend.name(),
          backend instanceof CliBackend cli ? " " + cli.binary() : "",
          backend.version().orElse(""));
    }
    return backend;
  }
}
