package dev.supervisedtemporal.extension;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Runs a Temporal worker on a task queue of the class's supervised server, started before the
 * tests and shut down after the class, before the server stops.
 *
 * <p>Used with {@link WithSupervisedTemporal} (or a registered
 * {@link SupervisedTemporalExtension}); repeat it for several task queues. The worker polls
 * through the injected {@code WorkflowClient}, so it keeps working across server restarts.
 *
 * <pre>{@code
 * @WithSupervisedTemporal
 * @WithWorker(taskQueue = "greetings", workflows = GreetingWorkflowImpl.class,
 *     activities = GreetingActivitiesImpl.class)
 * class GreetingIT { ... }
 * }</pre>
 *
 * <p>Activity classes are instantiated once per class through their no-arg constructor; for
 * activities that need dependencies use the builder's
 * {@link SupervisedTemporalExtension.Builder#worker worker(...)} or an injected
 * {@link TemporalWorkers}. A task queue that is blank or declared twice, a workflow type the SDK
 * rejects, or an activity class without a no-arg constructor fails the class with an
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} before the server
 * starts.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(WithWorkers.class)
public @interface WithWorker {

  /** The task queue the worker polls. */
  String taskQueue();

  /** Workflow implementation types to register. */
  Class<?>[] workflows() default {};

  /** Activity implementation classes, each created through its no-arg constructor. */
  Class<?>[] activities() default {};
}
