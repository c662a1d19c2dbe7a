package dev.supervisedtemporal.extension;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactoryOptions;
import org.apiguardian.api.API;

/**
 * Customises the clients the extension creates and injects: service stubs (RPC retry options,
 * gRPC metadata, TLS), the workflow client (data converter, interceptors, identity) and the
 * worker factories of {@link TemporalWorkers}.
 *
 * <p>Each method gets a builder already set up by the extension and may change it; the defaults
 * change nothing. Name an implementation with a no-arg constructor in
 * {@code @WithSupervisedTemporal(clientCustomizer = MyCustomizer.class)}, or pass an instance to
 * {@link SupervisedTemporalExtension.Builder#clientCustomizer(ClientCustomizer)}. The stubs
 * always connect to the supervised server: a customizer that sets another target fails the class.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface ClientCustomizer {

  /** Changes the options of the injected {@code WorkflowServiceStubs}; the target is preset. */
  default void serviceStubs(WorkflowServiceStubsOptions.Builder options) {}

  /** Changes the options of the injected {@code WorkflowClient}; the namespace is preset. */
  default void workflowClient(WorkflowClientOptions.Builder options) {}

  /** Changes the options of each {@code WorkerFactory} that {@link TemporalWorkers} creates. */
  default void workerFactory(WorkerFactoryOptions.Builder options) {}
}
