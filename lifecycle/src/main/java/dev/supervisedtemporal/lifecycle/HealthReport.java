package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Says, layer by layer, whether the managed server is up and really ours.
 *
 * <p>Layers are checked in order and the check stops at the first failure, which is then the
 * report's reason.
 *
 * @param at when the check finished
 * @param pid the pid the check looked at, or -1 when there was none
 * @param layers what each layer found, in the order they were checked
 */
@API(status = STABLE, since = "0.1.0")
public record HealthReport(Instant at, long pid, List<LayerResult> layers) {

  /** The layers of a health check, cheapest first. */
  @API(status = STABLE, since = "0.1.0")
  public enum Layer {
    /** The manager holds the state dir's lock. */
    LOCK,
    /** A server process exists and is alive. */
    PROCESS_ALIVE,
    /** The live process is the one we started: same pid, start time and command line. */
    IDENTITY,
    /** The listening socket on the port belongs to the server's process tree. */
    PORT_OWNER,
    /** The port accepts a TCP connection (the last layer {@link ProbeDepth#CONNECT} checks). */
    TCP_CONNECT,
    /** The gRPC health service answers SERVING within the probe timeout. */
    PROTOCOL
  }

  /**
   * What one layer found.
   *
   * @param layer the layer
   * @param ok whether it passed
   * @param detail what was seen, for people
   */
  @API(status = STABLE, since = "0.1.0")
  public record LayerResult(Layer layer, boolean ok, String detail) {}

  /** Copies the layers defensively. */
  public HealthReport {
    layers = List.copyOf(layers);
  }

  /** Whether every checked layer passed. */
  public boolean healthy() {
    return !layers.isEmpty() && layers.stream().allMatch(LayerResult::ok);
  }

  /** The first layer that failed, if any. */
  public Optional<LayerResult> failure() {
    return layers.stream().filter(l -> !l.ok()).findFirst();
  }

  /** Whether the check found no live server process at all (as opposed to a sick one). */
  public boolean processGone() {
    return failure().map(f -> f.layer() == Layer.PROCESS_ALIVE).orElse(false);
  }

  /**
   * Whether the failure leaves no doubt that the server does not serve: its process is gone,
   * nothing of ours listens on the port, or the server refused the connection or said it is not
   * serving. Only a probe that ran out of time (a hung or merely slow server) is doubtful, and
   * only doubtful failures wait for the policy's failure threshold.
   */
  public boolean definitelyDown() {
    return failure().map(f -> switch (f.layer()) {
      case PROCESS_ALIVE, IDENTITY, PORT_OWNER -> true;
      case PROTOCOL ->
          f.detail().startsWith("UNAVAILABLE") || f.detail().startsWith("health status");
      default -> false;
    }).orElse(false);
  }

  /** One line: "healthy" or the failed layer and its detail. */
  public String summary() {
    return failure().map(f -> f.layer() + " failed: " + f.detail()).orElse("healthy");
  }

  @Override
  public String toString() {
    return "HealthReport[pid " + pid + ", " + summary() + "; "
        + layers.stream().map(l -> l.layer() + (l.ok() ? " ok" : " FAIL"))
            .collect(Collectors.joining(", ")) + "]";
  }
}
