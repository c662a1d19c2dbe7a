package dev.supervisedtemporal.extension;

import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The client customizers of one class, applied in order to the options of the injected stubs,
 * workflow client and worker factories.
 */
final class ClientSetup {

  /** No customizer. */
  static final ClientSetup NONE = new ClientSetup(List.of());

  /**
   * A customizer and how to name it in messages.
   *
   * @param customizer the customizer
   * @param where e.g. {@code @WithSupervisedTemporal(clientCustomizer = X.class)}
   */
  record Named(ClientCustomizer customizer, String where) {}

  private final List<Named> customizers;

  ClientSetup(List<Named> customizers) {
    this.customizers = List.copyOf(customizers);
  }

  /**
   * The customizers of the annotation, created through their no-arg constructors, after those
   * of the builder.
   *
   * @throws ExtensionConfigurationException when a customizer class cannot be created
   */
  static ClientSetup resolve(List<Named> fromBuilder, WithSupervisedTemporal annotation) {
    List<Named> all = new ArrayList<>(fromBuilder);
    if (annotation != null) {
      for (Class<? extends ClientCustomizer> type : annotation.clientCustomizer()) {
        String where = "@WithSupervisedTemporal(clientCustomizer = " + type.getSimpleName()
            + ".class)";
        all.add(new Named(WorkerDeclaration.instantiate(type, where), where));
      }
    }
    return all.isEmpty() ? NONE : new ClientSetup(all);
  }

  /**
   * The options of the injected stubs: the server's target, then each customizer.
   *
   * @throws ExtensionConfigurationException when a customizer throws or changes the target
   */
  WorkflowServiceStubsOptions stubsOptions(String target) {
    WorkflowServiceStubsOptions.Builder b = WorkflowServiceStubsOptions.newBuilder()
        .setTarget(target);
    for (Named n : customizers) {
      apply(n, "serviceStubs", () -> n.customizer().serviceStubs(b));
      if (!target.equals(b.build().getTarget())) {
        throw new ExtensionConfigurationException(n.where() + " set the stubs' target to "
            + b.build().getTarget() + "; accepted: leave the target at " + target
            + " (the supervised server)");
      }
    }
    return b.build();
  }

  /** The options of the injected workflow client: the namespace, then each customizer. */
  WorkflowClientOptions clientOptions(String namespace) {
    WorkflowClientOptions.Builder b = WorkflowClientOptions.newBuilder().setNamespace(namespace);
    for (Named n : customizers) {
      apply(n, "workflowClient", () -> n.customizer().workflowClient(b));
    }
    return b.build();
  }

  /** The options of a worker factory of {@link TemporalWorkers}. */
  WorkerFactoryOptions factoryOptions() {
    WorkerFactoryOptions.Builder b = WorkerFactoryOptions.newBuilder();
    for (Named n : customizers) {
      apply(n, "workerFactory", () -> n.customizer().workerFactory(b));
    }
    return b.build();
  }

  /** A customizer that only changes one kind of options, for the builder's lambdas. */
  static ClientCustomizer stubs(Consumer<WorkflowServiceStubsOptions.Builder> change) {
    return new ClientCustomizer() {
      @Override
      public void serviceStubs(WorkflowServiceStubsOptions.Builder options) {
        change.accept(options);
      }
    };
  }

  static ClientCustomizer client(Consumer<WorkflowClientOptions.Builder> change) {
    return new ClientCustomizer() {
      @Override
      public void workflowClient(WorkflowClientOptions.Builder options) {
        change.accept(options);
      }
    };
  }

  static ClientCustomizer factory(Consumer<WorkerFactoryOptions.Builder> change) {
    return new ClientCustomizer() {
      @Override
      public void workerFactory(WorkerFactoryOptions.Builder options) {
        change.accept(options);
      }
    };
  }

  private static void apply(Named n, String method, Runnable change) {
    try {
      change.run();
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException(n.where() + " failed in " + method + "(...): "
          + e, e);
    }
  }
}
