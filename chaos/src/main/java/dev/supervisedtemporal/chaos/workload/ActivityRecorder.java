package dev.supervisedtemporal.chaos.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * A worker interceptor that records every activity execution, so that a workload's checker can
 * see duplicates (the same activity id executed more than once).
 *
 * <p>Enable it on the worker factory that runs the workload's activities, and hand the same
 * instance to {@link Workload#recording(ActivityRecorder)}:
 *
 * <pre>{@code
 * ActivityRecorder activities = new ActivityRecorder();
 * WorkerFactory factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
 *     .setWorkerInterceptors(activities).build());
 * }</pre>
 *
 * <p>Thread-safe. An execution is recorded when it begins, whatever its outcome.
 */
@API(status = EXPERIMENTAL)
public final class ActivityRecorder extends WorkerInterceptorBase {

  private final Map<String, List<ActivityAttempt>> byWorkflow = new ConcurrentHashMap<>();

  /** Wraps the worker's activity calls with the recording one. */
  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new Recording(next);
  }

  /** The executions recorded for a workflow id, oldest first. */
  public List<ActivityAttempt> attemptsOf(String workflowId) {
    List<ActivityAttempt> list = byWorkflow.get(workflowId);
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  /** How many executions were recorded in all. */
  public int size() {
    return byWorkflow.values().stream().mapToInt(l -> {
      synchronized (l) {
        return l.size();
      }
    }).sum();
  }

  private void record(ActivityInfo info) {
    ActivityAttempt attempt = new ActivityAttempt(info.getWorkflowId(), info.getActivityId(),
        info.getActivityType(), info.getAttempt(), System.nanoTime(), Instant.now());
    List<ActivityAttempt> list =
        byWorkflow.computeIfAbsent(info.getWorkflowId(), k -> new ArrayList<>());
    synchronized (list) {
      list.add(attempt);
    }
  }

  private final class Recording extends ActivityInboundCallsInterceptorBase {

    private ActivityExecutionContext context;

    Recording(ActivityInboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public void init(ActivityExecutionContext context) {
      this.context = context;
      super.init(context);
    }

    @Override
    public ActivityOutput execute(ActivityInput input) {
      if (context != null) {
        record(context.getInfo());
      }
      return super.execute(input);
    }
  }
}
