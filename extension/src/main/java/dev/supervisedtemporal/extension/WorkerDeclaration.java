package dev.supervisedtemporal.extension;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A worker a class declares ({@link WithWorker} or the builder), checked before the server
 * starts.
 *
 * @param taskQueue the task queue it polls
 * @param spec what it registers
 * @param where how to name the declaration in messages
 */
record WorkerDeclaration(String taskQueue, WorkerSpec spec, String where) {

  /**
   * The workers declared by the class's {@link WithWorker} annotations and by the builder,
   * checked: task queues unique and not blank, types accepted by the SDK, activities created.
   *
   * @throws ExtensionConfigurationException naming the declaration and what is accepted
   */
  static List<WorkerDeclaration> resolve(Class<?> testClass,
      List<Map.Entry<String, Consumer<WorkerSpec>>> fromBuilder) {
    List<WorkerDeclaration> all = new ArrayList<>();
    fromBuilder.forEach(entry -> {
      String queue = entry.getKey();
      Consumer<WorkerSpec> configure = entry.getValue();
      String where = "SupervisedTemporalExtension.builder().worker(\"" + queue + "\", ...)";
      WorkerSpec spec = new WorkerSpec();
      try {
        configure.accept(spec);
      } catch (RuntimeException e) {
        throw new ExtensionConfigurationException(where + " failed: " + e, e);
      }
      all.add(new WorkerDeclaration(queue, spec, where));
    });
    for (WithWorker w : AnnotationSupport.findRepeatableAnnotations(testClass,
        WithWorker.class)) {
      String where = "@WithWorker(taskQueue = \"" + w.taskQueue() + "\")";
      WorkerSpec spec = new WorkerSpec().workflows(w.workflows());
      for (Class<?> type : w.activities()) {
        spec.activities(instantiate(type, where + " activities"));
      }
      all.add(new WorkerDeclaration(w.taskQueue(), spec, where));
    }
    Map<String, String> seen = new HashMap<>();
    for (WorkerDeclaration d : all) {
      if (d.taskQueue() == null || d.taskQueue().isBlank()) {
        throw new ExtensionConfigurationException(d.where()
            + " has a blank task queue; accepted: a non-blank task queue name");
      }
      String earlier = seen.putIfAbsent(d.taskQueue(), d.where());
      if (earlier != null) {
        throw new ExtensionConfigurationException(d.where() + " declares task queue \""
            + d.taskQueue() + "\" again (also " + earlier + "); accepted: one worker per task "
            + "queue, with all its workflows and activities");
      }
      try {
        d.spec().check(d.where());
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(e.getMessage(), e);
      }
    }
    return List.copyOf(all);
  }

  /**
   * Creates an instance through the class's no-arg constructor (any visibility).
   *
   * @throws ExtensionConfigurationException naming the setting when that is not possible
   */
  static <T> T instantiate(Class<T> type, String where) {
    Constructor<T> constructor;
    try {
      constructor = type.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      throw new ExtensionConfigurationException(where + ": " + type.getName()
          + " has no no-arg constructor; accepted: a class with a no-arg constructor (a static "
          + "nested or top-level class)", e);
    }
    try {
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new ExtensionConfigurationException(where + ": the constructor of " + type.getName()
          + " threw " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExtensionConfigurationException(where + ": cannot create " + type.getName()
          + ": " + e + "; accepted: a concrete class with a no-arg constructor", e);
    }
  }
}
