package dev.supervisedtemporal.chaos;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How long the server took to answer again after one fault, as {@link Chaos#awaitRecovery} saw
 * it; every time is also a {@link ChaosEvent} of the fault.
 *
 * @param faultId the fault's id in the chaos events
 * @param rpcRecovered fault injected → the first successful {@code GetSystemInfo} of the
 *     manager's probe ({@link ChaosEventType#RPC_RECOVERED})
 * @param clientRecovered fault injected → the first successful RPC on the
 *     {@linkplain Chaos#watchClient watched client} ({@link ChaosEventType#CLIENT_RECOVERED});
 *     empty when no client is watched
 * @param workerRecovered fault injected → the first success of the
 *     {@linkplain Chaos#watchWorker watched worker}'s check ({@link
 *     ChaosEventType#WORKER_RECOVERED}); empty when no worker is watched
 */
@API(status = EXPERIMENTAL)
public record Recovery(String faultId, Duration rpcRecovered, Optional<Duration> clientRecovered,
    Optional<Duration> workerRecovered) {

  /** Checks the fields are present. */
  public Recovery {
    Objects.requireNonNull(faultId, "faultId");
    Objects.requireNonNull(rpcRecovered, "rpcRecovered");
    Objects.requireNonNull(clientRecovered, "clientRecovered");
    Objects.requireNonNull(workerRecovered, "workerRecovered");
  }
}
