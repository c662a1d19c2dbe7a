package dev.supervisedtemporal.extension;

import io.temporal.client.WorkflowClient;
import io.temporal.internal.client.WorkerFactoryRegistry;
import io.temporal.worker.WorkerFactory;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds worker factories a test created on the injected {@code WorkflowClient} and left running,
 * describes them by their poller threads, and shuts them down so they do not poll into later
 * classes.
 *
 * <p>Every {@link WorkerFactory} registers itself with the client it was created from; the SDK
 * keeps that registry in a private field of its client implementation (temporal-sdk 1.38.0,
 * pinned by the root pom; {@code LeakCheckIT} covers it). When the field cannot be read, nothing
 * is found and a warning says why. SDK poller threads are named
 * {@code <Kind> Poller taskQueue="<queue>", namespace="<namespace>": <n>}.
 */
final class LeftoverWorkers {

  private static final Logger LOG = LoggerFactory.getLogger(LeftoverWorkers.class);
  private static final Pattern POLLER = Pattern.compile(
      "^(?:Workflow|Activity|Local Activity|Nexus) Poller taskQueue=\"(.*)\", namespace=\"(.*)\":"
          + " \\d+$");
  private static final Duration SHUTDOWN = Duration.ofSeconds(10);

  private LeftoverWorkers() {}

  /**
   * Shuts down each started, not shut down factory on the client that {@code ours} does not
   * claim, and describes it.
   *
   * @return one description per factory left running; empty when none was
   */
  static List<String> shutDown(WorkflowClient client, Predicate<WorkerFactory> ours) {
    if (client == null) {
      return List.of();
    }
    String namespace = client.getOptions().getNamespace();
    List<String> leaks = new ArrayList<>();
    List<WorkerFactory> left = new ArrayList<>();
    for (WorkerFactory f : registered(client)) {
      if (f.isStarted() && !f.isShutdown() && !ours.test(f)) {
        left.add(f);
        List<String> pollers = pollerThreads(f, namespace);
        leaks.add("a WorkerFactory created on the injected WorkflowClient was started and not "
            + "shut down; its pollers: " + (pollers.isEmpty() ? "(no poller thread found)"
                : "'" + String.join("', '", pollers) + "'")
            + " (the extension has now shut it down; call factory.shutdown() in @AfterAll, or "
            + "use TemporalWorkers)");
      }
    }
    left.forEach(WorkerFactory::shutdownNow);
    for (WorkerFactory f : left) {
      f.awaitTermination(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
    }
    return leaks;
  }

  /** The names of the live SDK poller threads of the factory's task queues in the namespace. */
  static List<String> pollerThreads(WorkerFactory factory, String namespace) {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      Matcher m = POLLER.matcher(t.getName());
      if (t.isAlive() && m.matches() && m.group(2).equals(namespace)
          && factory.tryGetWorker(m.group(1)) != null) {
        names.add(t.getName());
      }
    }
    names.sort(null);
    return names;
  }

  /** The factories registered with the client; empty (and a warning) when unreadable. */
  static List<WorkerFactory> registered(WorkflowClient client) {
    Object internal = client.getInternal();
    try {
      Field field = internal.getClass().getDeclaredField("workerFactoryRegistry");
      field.setAccessible(true);
      WorkerFactoryRegistry registry = (WorkerFactoryRegistry) field.get(internal);
      List<WorkerFactory> all = new ArrayList<>();
      registry.workerFactoriesRandomOrder().forEach(all::add);
      return all;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.warn("cannot list the worker factories of {} to check for pollers left running "
          + "(temporal-sdk changed?): {}", internal.getClass().getName(), e.toString());
      return List.of();
    }
  }
}
