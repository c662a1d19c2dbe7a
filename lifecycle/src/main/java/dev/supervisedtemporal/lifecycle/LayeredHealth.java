package dev.supervisedtemporal.lifecycle;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a manager's server layer by layer, cheapest first, and stops at the first layer that
 * fails: the state dir lock, the process alive, its identity, then (by {@link ProbeDepth}) a TCP
 * connect, or the port's owner (through {@link PortGuard}) and a gRPC health probe through the
 * cached channel. An external server gets the gRPC probe only.
 */
final class LayeredHealth {

  private final boolean ownsProcess;
  private final ServerProcess server;
  private final StateDir stateDir;
  private final ProbeCache probes;
  private final PortGuard portGuard;

  LayeredHealth(boolean ownsProcess, ServerProcess server, StateDir stateDir, ProbeCache probes,
      PortGuard portGuard) {
    this.ownsProcess = ownsProcess;
    this.server = server;
    this.stateDir = stateDir;
    this.probes = probes;
    this.portGuard = portGuard;
  }

  /** A health report of the given depth, with the given probe deadline. */
  HealthReport check(ProbeDepth depth, Duration timeout) {
    List<HealthReport.LayerResult> layers = new ArrayList<>();
    if (!ownsProcess) {
      probeLayer(layers, timeout);
      return new HealthReport(Instant.now(), -1, layers);
    }
    RunningServer running = server.current();
    if (depth == ProbeDepth.FULL) {
      boolean held = stateDir.holdsLock();
      layers.add(layer(HealthReport.Layer.LOCK, held,
          held ? "holding " + stateDir.lockFile() : "the state dir lock is not held"));
      if (!held) {
        return report(running, layers);
      }
    }
    if (running == null) {
      layers.add(layer(HealthReport.Layer.PROCESS_ALIVE, false, "no server has been started"));
      return report(null, layers);
    }
    Process process = running.process();
    if (!process.isAlive()) {
      layers.add(layer(HealthReport.Layer.PROCESS_ALIVE, false, "pid " + process.pid()
          + " exited with code " + process.exitValue()));
      return report(running, layers);
    }
    layers.add(layer(HealthReport.Layer.PROCESS_ALIVE, true, "pid " + process.pid()));
    // Our own child cannot be replaced while the JDK has not reaped it (its pid stays taken),
    // and its identity was verified at spawn: re-reading /proc every tick would tell nothing new.
    Optional<String> mismatch =
        process.isAlive() ? Optional.empty() : running.identity().mismatch();
    layers.add(layer(HealthReport.Layer.IDENTITY, mismatch.isEmpty(),
        mismatch.orElse("our unreaped child, verified at spawn")));
    if (mismatch.isPresent()) {
      return report(running, layers);
    }
    if (depth == ProbeDepth.CONNECT) {
      layers.add(tcpConnect(running.port(), timeout));
      return report(running, layers);
    }
    HealthReport.LayerResult owner =
        portGuard.ownerLayer(running.process().toHandle(), running.port());
    layers.add(owner);
    if (owner.ok()) {
      probeLayer(layers, timeout);
    }
    return report(running, layers);
  }

  private void probeLayer(List<HealthReport.LayerResult> layers, Duration timeout) {
    Optional<String> failure = probes.forPort(server.port()).checkServing(timeout);
    layers.add(layer(HealthReport.Layer.PROTOCOL, failure.isEmpty(),
        failure.orElse("SERVING")));
  }

  private static HealthReport.LayerResult tcpConnect(int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port),
          (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
      return layer(HealthReport.Layer.TCP_CONNECT, true, "port " + port + " accepts");
    } catch (IOException e) {
      return layer(HealthReport.Layer.TCP_CONNECT, false, "port " + port + ": " + e.getMessage());
    }
  }

  private static HealthReport.LayerResult layer(HealthReport.Layer layer, boolean ok,
      String detail) {
    return new HealthReport.LayerResult(layer, ok, detail);
  }

  private static HealthReport report(RunningServer server,
      List<HealthReport.LayerResult> layers) {
    return new HealthReport(Instant.now(), server == null ? -1 : server.identity().pid(),
        layers);
  }
}
