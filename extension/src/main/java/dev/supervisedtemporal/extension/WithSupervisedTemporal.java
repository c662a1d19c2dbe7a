package dev.supervisedtemporal.extension;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a supervised Temporal server before the annotated test class and stops it after.
 *
 * <p>The server gets its own port and state dir; a supervisor watches it with the chosen policy.
 * Test methods, lifecycle methods and constructors can declare parameters of type
 * {@link SupervisedTemporal}, {@link io.temporal.serviceclient.WorkflowServiceStubs},
 * {@link io.temporal.client.WorkflowClient},
 * {@link dev.supervisedtemporal.lifecycle.SupervisorEvents} and {@link TemporalWorkers}; workers
 * are declared with {@link WithWorker}. {@code @Nested} classes share the
 * server of their enclosing class. After the class the supervisor is stopped, then the server,
 * and a leak check fails the class when anything is left behind.
 *
 * <p>Each attribute left at its default falls back to a configuration parameter
 * ({@code junit-platform.properties} or {@code -D}), then to the built-in default; see
 * {@link SupervisedTemporalExtension} for the keys. Durations are text: {@code "250ms"},
 * {@code "5s"}, {@code "1m"}, {@code "1h"} or ISO-8601 ({@code "PT0.25S"}). A value that is not
 * accepted fails the class with an
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} before anything starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SupervisedTemporalExtension.class)
public @interface WithSupervisedTemporal {

  /** Which server to run; default: {@code supervised.temporal.backend}, else AUTO. */
  Backend backend() default Backend.INFERRED;

  /** {@code host:port} of the server to watch, only with {@link Backend#EXTERNAL}. */
  String target() default "";

  /** The port, 0-65535; 0 picks a free port. Default: {@code supervised.temporal.port}, else 0. */
  int port() default -1;

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
   * Restart attempts allowed within the preset's window before the supervisor gives up, as
   * text (e.g. {@code "50"}); overrides the preset's limit. For classes that inject many faults.
   */
  String maxRestarts() default "";

  /** How long the server may take to become ready; default 60s. */
  String startupTimeout() default "";

  /** {@code "true"} keeps the CLI server's database in a file in the state dir; default false. */
  String persistent() default "";

  // ---- server set-up, like Temporal's own dev-server launchers

  /**
   * {@code "true"} lets the embedded test server skip time while no workflow code runs; default
   * false: real time on every backend. Embedded only (AUTO then means embedded).
   */
  String timeSkipping() default "";

  /** Custom search attributes registered at every start, e.g. {@code "CustomerId=Keyword"}. */
  String[] searchAttributes() default {};

  /** Namespaces that must exist besides {@link #namespace()}; checked with DescribeNamespace. */
  String[] namespaces() default {};

  /** Dynamic config values {@code "KEY=VALUE"} (value JSON); CLI backend only. */
  String[] dynamicConfig() default {};

  /** Arguments appended to the server's command line, one per element; CLI backend only. */
  String[] extraArgs() default {};

  /** The Web UI port on 127.0.0.1, or 0 for none; CLI backend only. Default: headless. */
  int uiPort() default -1;

  /** The server's log level: debug, info, warn or error. Default warn. */
  String logLevel() default "";

  /**
   * {@code "true"} skips (aborts) the class when it asks for the CLI backend and no Temporal CLI
   * is installed, instead of failing it; default false.
   */
  String skipIfUnavailable() default "";

  /** {@code "false"} reports leaks without failing the class; default true. */
  String failOnLeak() default "";

  /**
   * Customizers of the injected clients (data converter, interceptors, RPC retry options),
   * applied in order; each class needs a no-arg constructor. See {@link ClientCustomizer}.
   */
  Class<? extends ClientCustomizer>[] clientCustomizer() default {};

  /**
   * {@code "on"} keeps a warm standby server that replaces a killed or hung one faster than a
   * cold start, {@code "after-first-restart"} from the first replacement on; default
   * {@code "off"} (a standby costs a second server JVM). Embedded backend only.
   */
  String standby() default "";

  /**
   * How many warm standbys wait at once, {@code "1"} to {@code "8"}; default {@code "1"} when
   * {@link #standby} is on. More serve kills in quick succession, each costs another server JVM.
   */
  String standbyCount() default "";

  /** The kinds of server, plus {@link #INFERRED} for "not set here". */
  enum Backend {
    /** Not set here: the configuration parameter decides, else {@link #AUTO}. */
    INFERRED,
    /** The Temporal CLI dev server when one is installed, else {@link #EMBEDDED}. */
    AUTO,
    /** The Temporal Java test server in a child JVM. */
    EMBEDDED,
    /**
     * {@code temporal server start-dev}; fails when no CLI is installed (skipped instead with
     * {@link WithSupervisedTemporal#skipIfUnavailable()}).
     */
    CLI,
    /** A server at {@link WithSupervisedTemporal#target()} that is watched, not owned. */
    EXTERNAL
  }

  /** The supervisor policy presets, plus {@link #INFERRED} for "not set here". */
  enum Policy {
    /** Not set here: the configuration parameter decides, else {@link #RECOMMENDED}. */
    INFERRED,
    /** {@link dev.supervisedtemporal.lifecycle.SupervisorPolicy#basic()}. */
    BASIC,
    /** {@link dev.supervisedtemporal.lifecycle.SupervisorPolicy#recommended()}. */
    RECOMMENDED
  }
}
