package dev.supervisedtemporal.lifecycle.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliBackendTest {

  private final CliBackend cli = TestBackends.cliWithAuxiliaryPorts(Path.of("/bin/true"), () -> 0);

  @Test
  void anInternalServicePortTakenIsACollisionToRetry() {
    // Seen in CI: the dev server's matching service picked the port we had given as metrics port.
    List<String> tail = List.of("time=2026-11-29T21:00:54.259 level=ERROR msg=\"Failed to start "
        + "gRPC listener\" error=\"listen tcp 127.0.0.1:42539: bind: address already in use\" "
        + "service=matching address=127.0.0.1:42539",
        "panic: runtime error: invalid memory address or nil pointer dereference");
    assertThat(cli.exitedBecauseAuxiliaryPortInUse(2, tail)).isTrue();
    assertThat(cli.exitedBecausePortInUse(2, tail)).isFalse();
  }

  @Test
  void theHttpAndMetricsPortsAreCollisionsToRetryAndTheFrontendPortIsNot() {
    assertThat(cli.exitedBecauseAuxiliaryPortInUse(1, List.of("Error: can't set metrics port "
        + "4321: listen tcp 127.0.0.1:4321: bind: address already in use"))).isTrue();
    List<String> frontend = List.of("Error: can't set frontend port 7233: listen tcp "
        + "127.0.0.1:7233: bind: address already in use");
    assertThat(cli.exitedBecausePortInUse(1, frontend)).isTrue();
    assertThat(cli.exitedBecauseAuxiliaryPortInUse(1, frontend)).isFalse();
    assertThat(cli.exitedBecauseAuxiliaryPortInUse(0, frontend)).isFalse();
  }

  @Test
  void anyOtherFailureIsNoCollision() {
    assertThat(cli.exitedBecauseAuxiliaryPortInUse(1, List.of("panic: something else"))).isFalse();
  }
}
