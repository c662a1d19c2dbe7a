package dev.supervisedtemporal.extension;

import static org.apiguardian.api.API.Status.STABLE;

import dev.supervisedtemporal.lifecycle.StandbyMode;
import dev.supervisedtemporal.lifecycle.SupervisorPolicy;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a supervised Temporal server before the annotated test class and stops it after.
 *
 * <p>The server gets its own port and state dir; a supervisor watches it with the chosen policy.
 * Test methods, lifecycle methods and constructors can declare parameters of type
 * {@link SupervisedTemporal}, {@link io.temporal.serviceclient.WorkflowServiceStubs},
 * {@link io.temporal.client.WorkflowClient},
 * {@link dev.supervisedtemporal.lifecycle.SupervisorEvents},
 * {@link dev.supervisedtemporal.chaos.Chaos} and {@link TemporalWorkers}; workers are declared
 * with {@link WithWorker}. {@code @Nested} classes share the server of their enclosing class.
 * After the class the supervisor is stopped, then the server, and a leak check fails the class
 * when anything is left behind.
 *
 * <p>Each attribute left at its default ({@code INFERRED}, {@link #NOT_SET}, {@code ""} or
 * {@code {}}) is not set here: it falls back to a configuration parameter
 * ({@code junit-platform.properties} or {@code -D}), then to the built-in default; see the module
 * README for the keys. Enumerated and numeric settings are typed, so a typo does not compile.
 * Durations are text, read by the one duration parser: {@code "250ms"}, {@code "5s"},
 * {@code "1m"}, {@code "1h"} or ISO-8601 ({@code "PT0.25S"}). A value that is not accepted fails
 * the class with an {@link org.junit.jupiter.api.extension.ExtensionConfigurationException}
 * before anything starts.
 */
@API(status = STABLE, since = "0.1.0")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SupervisedTemporalExtension.class)
public @interface WithSupervisedTemporal {

  /** The default of the numeric attributes: not set here. */
  int NOT_SET = -1;

  /** Which server to run; default: {@code supervised.temporal.backend}, else AUTO. */
  Backend backend() default Backend.INFERRED;

  /** {@code host:port} of the server to watch, only with {@link Backend#EXTERNAL}. */
  String target() default "";

  /** The port, 0-65535; 0 picks a free port. Default: {@code supervised.temporal.port}, else 0. */
  int port() default NOT_SET;

  /** The namespace clients use. Default: {@code supervised.temporal.namespace}, else "default". */
  String namespace() default "";

  /** The supervisor policy preset. Default: {@code supervised.temporal.policy}, else RECOMMENDED. */
  Policy policy() default Policy.INFERRED;

  /** Time between health checks; overrides the preset's. */
  String checkInterval() default "";

  /** The deadline of one health probe; overrides the preset's. */
  String probeTimeout() default "";

  /** The backoff before the first restart attempt; overrides the preset's initial backoff. */
  String restartBackoff() default "";

  /**
   * Restart attempts allowed within the preset's window before the supervisor gives up, at least
   * 1; overrides the preset's limit. For classes that inject many faults.
   */
  int maxRestarts() default NOT_SET;

  /** How long the server may take to become ready; default 60s. */
  String startupTimeout() default "";

  /** {@link Toggle#ON} keeps the CLI server's database in a file in the state dir; default off. */
  Toggle persistent() default Toggle.INFERRED;

  // ---- server set-up, like Temporal's own dev-server launchers

  /**
   * {@link Toggle#ON} lets the embedded test server skip time while no workflow code runs;
   * default off: real time on every backend. Embedded only (AUTO then means embedded).
   */
  Toggle timeSkipping() default Toggle.INFERRED;

  /** Custom search attributes registered at every start, e.g. {@code "CustomerId=Keyword"}. */
  String[] searchAttributes() default {};

  /** Namespaces that must exist besides {@link #namespace()}; checked with DescribeNamespace. */
  String[] namespaces() default {};

  /** Dynamic config values {@code "KEY=VALUE"} (value JSON); CLI backend only. */
  String[] dynamicConfig() default {};

  /** Arguments appended to the server's command line, one per element; CLI backend only. */
  String[] extraArgs() default {};

  /** The Web UI port on 127.0.0.1, or 0 for none; CLI backend only. Default: headless. */
  int uiPort() default NOT_SET;

  /** The server's log level. Default WARN. */
  LogLevel logLevel() default LogLevel.INFERRED;

  /**
   * {@link Toggle#ON} skips (aborts) the class when it asks for the CLI backend and no Temporal
   * CLI is installed, instead of failing it; default off.
   */
  Toggle skipIfUnavailable() default Toggle.INFERRED;

  /** {@link Toggle#OFF} reports leaks without failing the class; default on. */
  Toggle failOnLeak() default Toggle.INFERRED;

  /**
   * Customizers of the injected clients (data converter, interceptors, RPC retry options),
   * applied in order; each class needs a no-arg constructor. See {@link ClientCustomizer}.
   */
  Class<? extends ClientCustomizer>[] clientCustomizer() default {};

  /**
   * {@link Standby#ON} keeps a warm standby server that replaces a killed or hung one faster
   * than a cold start, {@link Standby#AFTER_FIRST_RESTART} from the first replacement on; default
   * off (a standby costs a second server JVM). Embedded backend only.
   */
  Standby standby() default Standby.INFERRED;

  /**
   * How many warm standbys wait at once, 1 to 8; default 1 when {@link #standby} is on. More
   * serve kills in quick succession, each costs another server JVM.
   */
  int standbyCount() default NOT_SET;

  /**
   * The kinds of server ({@link BackendKind}), plus {@link #INFERRED} for "not set here".
   */
  @API(status = STABLE, since = "0.1.0")
  enum Backend {
    /** Not set here: the configuration parameter decides, else {@link #AUTO}. */
    INFERRED(null),
    /** The Temporal CLI dev server when one is installed, else {@link #EMBEDDED}. */
    AUTO(BackendKind.AUTO),
    /** The Temporal Java test server in a child JVM. */
    EMBEDDED(BackendKind.EMBEDDED),
    /**
     * {@code temporal server start-dev}; fails when no CLI is installed (skipped instead with
     * {@link WithSupervisedTemporal#skipIfUnavailable()}).
     */
    CLI(BackendKind.CLI),
    /** A server at {@link WithSupervisedTemporal#target()} that is watched, not owned. */
    EXTERNAL(BackendKind.EXTERNAL);

    private final BackendKind kind;

    Backend(BackendKind kind) {
      this.kind = kind;
    }

    /** The lifecycle's kind of server; empty for {@link #INFERRED}. */
    public Optional<BackendKind> kind() {
      return Optional.ofNullable(kind);
    }
  }

  /**
   * The supervisor policy presets, plus {@link #INFERRED} for "not set here". The configuration
   * parameter {@code supervised.temporal.policy} takes the same names, in lower case.
   */
  @API(status = STABLE, since = "0.1.0")
  enum Policy {
    /** Not set here: the configuration parameter decides, else {@link #RECOMMENDED}. */
    INFERRED,
    /** {@link SupervisorPolicy#basic()}. */
    BASIC,
    /** {@link SupervisorPolicy#recommended()}. */
    RECOMMENDED;

    /** The preset's policy; empty for {@link #INFERRED}. */
    public Optional<SupervisorPolicy> preset() {
      return switch (this) {
        case INFERRED -> Optional.empty();
        case BASIC -> Optional.of(SupervisorPolicy.basic());
        case RECOMMENDED -> Optional.of(SupervisorPolicy.recommended());
      };
    }

    /** The names of the presets, as the configuration parameter takes them. */
    static String accepted() {
      return Arrays.stream(values()).filter(p -> p != INFERRED)
          .map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or "));
    }
  }

  /** A setting that is on or off, plus {@link #INFERRED} for "not set here". */
  @API(status = STABLE, since = "0.1.0")
  enum Toggle {
    /** Not set here: the configuration parameter decides, else the setting's default. */
    INFERRED,
    /** On ({@code true} in a configuration parameter). */
    ON,
    /** Off ({@code false} in a configuration parameter). */
    OFF;

    /** True for {@link #ON}, false for {@link #OFF}; empty for {@link #INFERRED}. */
    public Optional<Boolean> value() {
      return this == INFERRED ? Optional.empty() : Optional.of(this == ON);
    }
  }

  /** When a warm standby waits ({@link StandbyMode}), plus {@link #INFERRED} for "not set here". */
  @API(status = STABLE, since = "0.1.0")
  enum Standby {
    /** Not set here: the configuration parameter decides, else {@link #OFF}. */
    INFERRED(null),
    /** {@link StandbyMode#OFF}: every replacement is a cold start. */
    OFF(StandbyMode.OFF),
    /** {@link StandbyMode#ON}: a standby from the first start on. */
    ON(StandbyMode.ON),
    /** {@link StandbyMode#AFTER_FIRST_RESTART}: a standby once the server was replaced once. */
    AFTER_FIRST_RESTART(StandbyMode.AFTER_FIRST_RESTART);

    private final StandbyMode mode;

    Standby(StandbyMode mode) {
      this.mode = mode;
    }

    /** The lifecycle's standby mode; empty for {@link #INFERRED}. */
    public Optional<StandbyMode> mode() {
      return Optional.ofNullable(mode);
    }
  }

  /** The server's log levels, plus {@link #INFERRED} for "not set here". */
  @API(status = STABLE, since = "0.1.0")
  enum LogLevel {
    /** Not set here: the configuration parameter decides, else {@link #WARN}. */
    INFERRED,
    /** Everything the server logs. */
    DEBUG,
    /** Informational messages and above. */
    INFO,
    /** Warnings and errors (the default). */
    WARN,
    /** Errors only. */
    ERROR;

    /** The level as the server and the configuration parameter name it; empty for INFERRED. */
    public Optional<String> level() {
      return this == INFERRED ? Optional.empty() : Optional.of(name().toLowerCase(Locale.ROOT));
    }
  }
}
