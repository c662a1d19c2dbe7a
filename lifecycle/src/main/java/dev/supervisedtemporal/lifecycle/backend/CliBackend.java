package dev.supervisedtemporal.lifecycle.backend;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apiguardian.api.API;

/**
 * Starts {@code temporal server start-dev} from the Temporal CLI on loopback.
 *
 * <p>The UI is off ({@code --headless}) unless a UI port is asked for (it then binds 127.0.0.1
 * too); the gRPC, HTTP and metrics ports are ones we chose, so
 * parallel servers never collide on a default port (the three internal ports the dev server
 * picks itself are random). It is a single process that binds 127.0.0.1 only. In persistent mode the
 * SQLite database lives in the state dir and survives a crash; otherwise it is in memory and a
 * restart loses every workflow. Namespaces and search attributes are passed as flags, so the CLI
 * creates them again at every start.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class CliBackend implements ServerBackend {

  private final Path binary;
  private final IntSupplier auxiliaryPorts;
  private volatile Optional<String> version;

  /**
   * Creates the backend for a {@code temporal} binary.
   *
   * @throws IllegalArgumentException when the path is not an executable file
   */
  public CliBackend(Path binary) {
    this(binary, FreePorts::pick);
  }

  /** A backend that takes its HTTP and metrics ports from {@code auxiliaryPorts} (tests). */
  CliBackend(Path binary, IntSupplier auxiliaryPorts) {
    if (binary == null || !Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
      throw new IllegalArgumentException("cliPath = '" + binary + "' is not an executable file; "
          + "accepted: the path of a Temporal CLI binary (scripts/install-temporal-cli installs "
          + "one under .tools/bin/temporal)");
    }
    this.binary = binary.toAbsolutePath();
    this.auxiliaryPorts = auxiliaryPorts;
  }

  /** The binary this backend runs. */
  public Path binary() {
    return binary;
  }

  @Override
  public String name() {
    return "cli";
  }

  @Override
  public Optional<String> version() {
    Optional<String> known = version;
    if (known == null) {
      known = readVersion();
      version = known;
    }
    return known;
  }

  @Override
  public List<String> command(LaunchSpec spec) {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "server", "start-dev",
        "--ip", "127.0.0.1",
        "--port", Integer.toString(spec.port()),
        // Both default to random ports already; naming them keeps every port one we chose.
        "--http-port", Integer.toString(auxiliaryPorts.getAsInt()),
        "--metrics-port", Integer.toString(auxiliaryPorts.getAsInt()),
        "--namespace", spec.namespace(),
        "--log-level", spec.options().logLevel()));
    if (spec.persistent()) {
      command.add("--db-filename");
      command.add(spec.stateDir().resolve("temporal.db").toString());
    }
    addSetUp(command, spec);
    return command;
  }

  /** The UI, namespaces, search attributes, dynamic config and extra args the spec asks for. */
  private static void addSetUp(List<String> command, LaunchSpec spec) {
    ServerOptions options = spec.options();
    if (options.uiPort() == 0) {
      command.add("--headless");
    } else {
      command.addAll(List.of("--ui-port", Integer.toString(options.uiPort())));
    }
    for (String namespace : options.namespaces()) {
      if (!namespace.equals(spec.namespace())) {
        command.addAll(List.of("--namespace", namespace));
      }
    }
    options.searchAttributes().forEach((name, type) ->
        command.addAll(List.of("--search-attribute", name + "=" + type.cliName())));
    options.dynamicConfig().forEach((key, value) ->
        command.addAll(List.of("--dynamic-config-value", key + "=" + value)));
    command.addAll(options.extraArgs());
  }

  @Override
  public boolean exitedBecausePortInUse(int exitCode, List<String> logTail) {
    // "Error: can't set frontend port P: listen tcp 127.0.0.1:P: bind: address already in use"
    return exitCode != 0 && logTail.stream().map(l -> l.toLowerCase(Locale.ROOT))
        .anyMatch(l -> l.contains("frontend port") && l.contains("address already in use"));
  }

  @Override
  public boolean exitedBecauseAuxiliaryPortInUse(int exitCode, List<String> logTail) {
    // "can't set frontend HTTP port P: ... address already in use", "can't set metrics port P:
    // ...", or, when the port was taken between the CLI's own check and its bind, "failed
    // listening for HTTP API ...". The dev server also picks ports of its own for its internal
    // services (history, matching, worker), which can meet ours or another process's: "Failed to
    // start gRPC listener" error="listen tcp ...: bind: address already in use" service=matching.
    // Each command picks new HTTP and metrics ports, and the CLI picks its internal ones anew.
    return exitCode != 0 && logTail.stream().map(l -> l.toLowerCase(Locale.ROOT))
        .anyMatch(l -> l.contains("failed listening for http api")
            || ((l.contains("frontend http port") || l.contains("metrics port")
                || l.contains("failed to start grpc listener"))
                && l.contains("address already in use")));
  }

  private Optional<String> readVersion() {
    try {
      Process p = new ProcessBuilder(binary.toString(), "--version")
          .redirectErrorStream(true).start();
      try {
        byte[] out = p.getInputStream().readNBytes(4096);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          return Optional.empty();
        }
        return Optional.of(new String(out, StandardCharsets.UTF_8).trim());
      } finally {
        p.destroyForcibly();
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
