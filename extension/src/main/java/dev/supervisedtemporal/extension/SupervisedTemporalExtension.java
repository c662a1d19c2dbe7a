package dev.supervisedtemporal.extension;

import static org.apiguardian.api.API.Status.STABLE;

import dev.supervisedtemporal.chaos.Chaos;
import dev.supervisedtemporal.lifecycle.StandbyMode;
import dev.supervisedtemporal.lifecycle.SupervisorEvents;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.TemporalManager;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactoryOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a supervised Temporal server for a test class: the JUnit Jupiter extension behind
 * {@link WithSupervisedTemporal}, also registrable programmatically.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SupervisedTemporalExtension temporal = SupervisedTemporalExtension.builder()
 *     .checkInterval(Duration.ofMillis(250))
 *     .build();
 * }</pre>
 *
 * <p>Before the class it starts the server and a supervisor; after the class it shuts the
 * clients down, stops the supervisor, then the server, runs the leak check and writes the class's
 * timing events. All of that is owned by a value in the class-level store, so it is closed even
 * when setup fails half way. {@code @Nested} classes share the server of their enclosing class.
 * It resolves parameters of exactly these types: {@link SupervisedTemporal},
 * {@link WorkflowServiceStubs}, {@link WorkflowClient}, {@link SupervisorEvents}, {@link Chaos},
 * {@link TemporalWorkers}. Workers declared with {@link WithWorker} or {@link Builder#worker}
 * start after the supervisor and stop before the clients. When a test
 * fails, the server's log tail, its health and the supervisor's event timeline are attached to
 * that test's report.
 *
 * <p>A setting left open by the annotation or the builder comes from the configuration parameter
 * {@code supervised.temporal.<key>} (see the module README for the list), else its default.
 */
@API(status = STABLE, since = "0.1.0")
public final class SupervisedTemporalExtension
    implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback, ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(SupervisedTemporalExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SupervisedTemporalExtension.class);
  private static final Class<ServerSession> KEY = ServerSession.class;

  /** The setup hook that does nothing. */
  static final BiConsumer<SetupStep, SupervisedTemporal> NO_HOOK = (step, temporal) -> { };

  /** What a parameter of each resolvable type gets; exact types only. */
  private static final Map<Class<?>, Function<SupervisedTemporal, Object>> RESOLVABLE = Map.of(
      SupervisedTemporal.class, t -> t,
      WorkflowServiceStubs.class, SupervisedTemporal::serviceStubs,
      WorkflowClient.class, SupervisedTemporal::workflowClient,
      SupervisorEvents.class, SupervisedTemporal::events,
      Chaos.class, SupervisedTemporal::chaos,
      TemporalWorkers.class, SupervisedTemporal::workers);

  private final Builder builder;

  /** The parameter types this extension resolves (for the README check). */
  static Set<Class<?>> resolvableTypes() {
    return RESOLVABLE.keySet();
  }

  /** The declarative extension: settings come from {@link WithSupervisedTemporal}. */
  public SupervisedTemporalExtension() {
    this.builder = null;
  }

  private SupervisedTemporalExtension(Builder builder) {
    this.builder = builder;
  }

  /** A builder for {@code @RegisterExtension}; every setting left open is configurable. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ensureSession(context);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    ServerSession session = context.getStore(NAMESPACE).get(KEY, KEY);
    if (session != null) {
      session.healOpenFaults(); // a fault never outlives the test that injected it
    }
    Optional<Throwable> failure = context.getExecutionException()
        .filter(e -> !(e instanceof TestAbortedException));
    if (failure.isEmpty()) {
      return;
    }
    if (session != null) {
      session.recordFailure(context.getDisplayName() + ": " + failure.get());
      Diagnostics.publish(context, session);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ServerSession session = context.getStore(NAMESPACE).get(KEY, KEY);
    if (session == null || !session.ownerId().equals(context.getUniqueId())) {
      return; // nothing started, or the enclosing class's server
    }
    Optional<Throwable> classFailure = context.getExecutionException();
    if (classFailure.isPresent()) {
      Diagnostics.publish(context, session);
    }
    RuntimeException closeFailure = closeQuietly(session);
    List<String> leaks = LeakCheck.find(session);
    boolean failOnLeak = session.settings().failOnLeak();
    String leakMessage = leaks.isEmpty() ? null : "the supervised Temporal server of "
        + session.scenario() + " left behind:\n  - " + String.join("\n  - ", leaks);
    String failure = classFailure.map(Throwable::toString)
        .or(() -> session.failures().stream().findFirst())
        .or(() -> Optional.ofNullable(closeFailure).map(Throwable::toString))
        .orElse(failOnLeak ? leakMessage : null);
    ClassTimingEvents.write(session, failure, leaks);
    if (closeFailure != null) {
      throw closeFailure;
    }
    if (leakMessage != null) {
      if (failOnLeak) {
        throw new AssertionFailedError(leakMessage);
      }
      LOG.warn("{} (failOnLeak = false)", leakMessage);
      context.publishReportEntry("supervised-temporal.leaks", leakMessage);
    }
  }

  private static RuntimeException closeQuietly(ServerSession session) {
    try {
      session.close();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return RESOLVABLE.containsKey(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ServerSession session = context.getStore(NAMESPACE).get(KEY, KEY);
    if (session == null && context.getTestMethod().isEmpty()) {
      session = ensureSession(context); // a constructor with PER_CLASS lifecycle: before beforeAll
    }
    if (session == null) {
      throw new ParameterResolutionException("no supervised Temporal server for "
          + parameter.getParameter() + " in " + context.getDisplayName()
          + ": its setup failed or has not run");
    }
    return RESOLVABLE.get(parameter.getParameter().getType()).apply(session.handle());
  }

  /** The class's session: the one an enclosing class started, or a new one. */
  private ServerSession ensureSession(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    ServerSession existing = store.get(KEY, KEY);
    if (existing != null) {
      return existing;
    }
    RunContext run = RunContext.from(context::getConfigurationParameter);
    Settings resolved = Settings.resolve(explicit(context),
        Requested.fromConfiguration(context::getConfigurationParameter));
    Settings settings = resolved.withPolicy(run.apply(resolved.policy()));
    ClientSetup clients = clientSetup(context, settings);
    List<WorkerDeclaration> workers = WorkerDeclaration.resolve(context.getRequiredTestClass(),
        builder == null ? List.of() : builder.workers);
    TemporalManager manager = settings.buildManager();
    ServerSession session = new ServerSession(settings, manager,
        run.scenarioName(context.getRequiredTestClass()), context.getUniqueId(),
        builder == null ? NO_HOOK : builder.stepHook, run);
    store.put(KEY, session); // from here on JUnit closes it, however far open() gets
    session.configure(clients, workers);
    session.open();
    return session;
  }

  /** The client customizers of the builder or annotation, each tried once before any start. */
  private ClientSetup clientSetup(ExtensionContext context, Settings settings) {
    ClientSetup clients = ClientSetup.resolve(builder == null ? List.of() : builder.customizers,
        builder != null ? null : AnnotationSupport.findAnnotation(context.getRequiredTestClass(),
            WithSupervisedTemporal.class).orElse(null));
    String target = settings.target() != null ? settings.target() : "127.0.0.1:" + settings.port();
    clients.stubsOptions(target);
    clients.clientOptions(settings.namespace());
    clients.factoryOptions();
    return clients;
  }

  private Requested explicit(ExtensionContext context) {
    if (builder != null) {
      return builder.requested();
    }
    return AnnotationSupport.findAnnotation(context.getRequiredTestClass(),
            WithSupervisedTemporal.class)
        .map(Requested::fromAnnotation)
        .orElseGet(Requested::none);
  }

  /**
   * Builds a {@link SupervisedTemporalExtension}. Values are checked before the class starts
   * anything; a bad one fails the class with an {@link ExtensionConfigurationException}.
   */
  @API(status = STABLE, since = "0.1.0")
  public static final class Builder {
    private final Map<Setting, Object> values = new EnumMap<>(Setting.class);
    private BiConsumer<SetupStep, SupervisedTemporal> stepHook = NO_HOOK;
    private final List<ClientSetup.Named> customizers = new ArrayList<>();
    private final List<Map.Entry<String, Consumer<WorkerSpec>>> workers = new ArrayList<>();

    private Builder() {}

    /** The kind of server; AUTO prefers an installed Temporal CLI. */
    public Builder backend(BackendKind backend) {
      return set(Setting.BACKEND, backend);
    }

    /** {@code host:port} of a server to watch, only with {@link BackendKind#EXTERNAL}. */
    public Builder target(String target) {
      return set(Setting.TARGET, target);
    }

    /** The port, 0-65535; 0 picks a free port. */
    public Builder port(int port) {
      return set(Setting.PORT, port);
    }

    /** The namespace clients use. */
    public Builder namespace(String namespace) {
      return set(Setting.NAMESPACE, namespace);
    }

    /** The supervisor policy, e.g. {@link SupervisorPolicy#basic()}. */
    public Builder policy(SupervisorPolicy policy) {
      return set(Setting.POLICY, policy);
    }

    /** Time between health checks; overrides the policy's. */
    public Builder checkInterval(Duration interval) {
      return set(Setting.CHECK_INTERVAL, interval);
    }

    /** The deadline of one health probe; overrides the policy's. */
    public Builder probeTimeout(Duration timeout) {
      return set(Setting.PROBE_TIMEOUT, timeout);
    }

    /** The backoff before the first restart attempt; overrides the policy's initial backoff. */
    public Builder restartBackoff(Duration backoff) {
      return set(Setting.RESTART_BACKOFF, backoff);
    }

    /** Restart attempts allowed within the policy's window; overrides the policy's limit. */
    public Builder maxRestarts(int maxRestarts) {
      return set(Setting.MAX_RESTARTS, maxRestarts);
    }

    /** How long the server may take to become ready. */
    public Builder startupTimeout(Duration timeout) {
      return set(Setting.STARTUP_TIMEOUT, timeout);
    }

    /** Whether the CLI server keeps its database in a file in the state dir. */
    public Builder persistent(boolean persistent) {
      return set(Setting.PERSISTENT, persistent);
    }

    /**
     * When a warm standby server waits to replace the running one (embedded backend only);
     * default {@link StandbyMode#OFF}.
     */
    public Builder standby(StandbyMode mode) {
      return set(Setting.STANDBY, mode);
    }

    /**
     * How many warm standbys wait at once, 1 to 8 (default 1 when {@link #standby} is on); more
     * serve kills in quick succession, each costs another server JVM.
     */
    public Builder standbyCount(int count) {
      return set(Setting.STANDBY_COUNT, count);
    }

    /** Whether a leak fails the class (default) or is only reported. */
    public Builder failOnLeak(boolean failOnLeak) {
      return set(Setting.FAIL_ON_LEAK, failOnLeak);
    }

    // ---- server set-up, like Temporal's own dev-server launchers (see the module README)

    /** Lets the embedded test server skip time; default false (real time). Embedded only. */
    public Builder timeSkipping(boolean timeSkipping) {
      return set(Setting.TIME_SKIPPING, timeSkipping);
    }

    /** Custom search attributes registered at every start, e.g. {@code "CustomerId=Keyword"}. */
    public Builder searchAttributes(String... nameEqualsType) {
      return set(Setting.SEARCH_ATTRIBUTES, List.of(nameEqualsType));
    }

    /** Namespaces that must exist besides the client's namespace. */
    public Builder namespaces(String... namespaces) {
      return set(Setting.NAMESPACES, List.of(namespaces));
    }

    /** Dynamic config values {@code "KEY=VALUE"} (value JSON); CLI backend only. */
    public Builder dynamicConfig(String... keyEqualsValue) {
      return set(Setting.DYNAMIC_CONFIG, List.of(keyEqualsValue));
    }

    /** Arguments appended to the server's command line; CLI backend only. */
    public Builder extraArgs(String... args) {
      return set(Setting.EXTRA_ARGS, List.of(args));
    }

    /** The Web UI's port on 127.0.0.1, 0 for none (the default); CLI backend only. */
    public Builder uiPort(int uiPort) {
      return set(Setting.UI_PORT, uiPort);
    }

    /** The server's log level: debug, info, warn (the default) or error. */
    public Builder logLevel(String logLevel) {
      return set(Setting.LOG_LEVEL, logLevel);
    }

    /** Skips the class instead of failing it when it asks for a CLI that is not installed. */
    public Builder skipIfUnavailable(boolean skip) {
      return set(Setting.SKIP_IF_UNAVAILABLE, skip);
    }

    /** The Temporal CLI binary for the CLI backend (else it is discovered). */
    public Builder cliPath(Path cliPath) {
      return set(Setting.CLI_PATH, cliPath);
    }

    /**
     * Runs a worker on the task queue, started before the tests and shut down after the class:
     * {@code .worker("orders", w -> w.workflows(OrderImpl.class).activities(new Payments(db)))}.
     * The lambda runs once per class, before the server starts.
     */
    public Builder worker(String taskQueue, Consumer<WorkerSpec> spec) {
      workers.add(Map.entry(Objects.requireNonNull(taskQueue, "taskQueue"),
          Objects.requireNonNull(spec, "spec")));
      return this;
    }

    /** Adds a customizer of the injected clients; customizers apply in the order added. */
    public Builder clientCustomizer(ClientCustomizer customizer) {
      customizers.add(new ClientSetup.Named(Objects.requireNonNull(customizer, "customizer"),
          "SupervisedTemporalExtension.builder().clientCustomizer("
              + customizer.getClass().getName() + ")"));
      return this;
    }

    /** Changes the injected client's options, e.g. {@code b -> b.setDataConverter(...)}. */
    public Builder workflowClientOptions(Consumer<WorkflowClientOptions.Builder> change) {
      customizers.add(new ClientSetup.Named(ClientSetup.client(
          Objects.requireNonNull(change, "change")),
          "SupervisedTemporalExtension.builder().workflowClientOptions(...)"));
      return this;
    }

    /** Changes the injected stubs' options, e.g. RPC retry options; a new target is refused. */
    public Builder serviceStubsOptions(Consumer<WorkflowServiceStubsOptions.Builder> change) {
      customizers.add(new ClientSetup.Named(ClientSetup.stubs(
          Objects.requireNonNull(change, "change")),
          "SupervisedTemporalExtension.builder().serviceStubsOptions(...)"));
      return this;
    }

    /** Changes the options of the worker factories of {@link TemporalWorkers}. */
    public Builder workerFactoryOptions(Consumer<WorkerFactoryOptions.Builder> change) {
      customizers.add(new ClientSetup.Named(ClientSetup.factory(
          Objects.requireNonNull(change, "change")),
          "SupervisedTemporalExtension.builder().workerFactoryOptions(...)"));
      return this;
    }

    /** Calls the hook after each setup step; a hook that throws fails setup there. For tests. */
    Builder onSetupStep(BiConsumer<SetupStep, SupervisedTemporal> hook) {
      this.stepHook = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /** Creates the extension; starts nothing. */
    public SupervisedTemporalExtension build() {
      return new SupervisedTemporalExtension(copy());
    }

    private Builder copy() {
      Builder b = new Builder();
      b.values.putAll(values);
      b.stepHook = stepHook;
      b.customizers.addAll(customizers);
      b.workers.addAll(workers);
      return b;
    }

    private Builder set(Setting setting, Object value) {
      values.put(setting, Objects.requireNonNull(value, setting.attribute()));
      return this;
    }

    private Requested requested() {
      Requested r = Requested.none();
      values.forEach((setting, value) -> r.typed(setting, value,
          value instanceof SupervisorPolicy p ? p.name() : value instanceof String s
              ? "\"" + s + "\"" : String.valueOf(value)));
      return r;
    }
  }
}
