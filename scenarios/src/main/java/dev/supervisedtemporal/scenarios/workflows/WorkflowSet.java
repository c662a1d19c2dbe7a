package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of every scenario workflow (signal and query, child workflow, timer, activity retry,
 * saga) on one task queue, and the results they must return.
 *
 * <pre>{@code
 * WorkflowSet set = WorkflowSet.start(client, WorkflowSet.TASK_QUEUE);
 * set.awaitWaitingForApproval(Duration.ofSeconds(30));
 * set.approve("ann");
 * assertThat(set.results(Duration.ofSeconds(60))).isEqualTo(WorkflowSet.expected());
 * }</pre>
 */
final class WorkflowSet {

  /** The task queue the scenarios' workers poll. */
  public static final String TASK_QUEUE = "scenario-workflows";

  /** Every workflow implementation type of the set, for a worker's registration. */
  public static final Class<?>[] WORKFLOWS = {ApprovalWorkflowImpl.class,
      ParentWorkflowImpl.class, GreetingChildWorkflowImpl.class, TimerWorkflowImpl.class,
      RetryWorkflowImpl.class, TripWorkflowImpl.class};

  /** The timer workflow's sleep. */
  public static final Duration TIMER = Duration.ofSeconds(2);

  /** The attempt on which the retry workflow's activity succeeds. */
  public static final int SUCCEED_ON_ATTEMPT = 3;

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration POLL = Duration.ofMillis(100);

  private final WorkflowClient client;
  private final Map<String, WorkflowStub> runs = new LinkedHashMap<>();
  private final ApprovalWorkflow approval;

  private WorkflowSet(WorkflowClient client, String taskQueue) {
    this.client = client;
    String id = UUID.randomUUID().toString().substring(0, 8);
    approval = stub(ApprovalWorkflow.class, taskQueue, "approval-" + id);
    ParentWorkflow parent = stub(ParentWorkflow.class, taskQueue, "parent-" + id);
    TimerWorkflow timer = stub(TimerWorkflow.class, taskQueue, "timer-" + id);
    RetryWorkflow retry = stub(RetryWorkflow.class, taskQueue, "retry-" + id);
    TripWorkflow trip = stub(TripWorkflow.class, taskQueue, "saga-" + id);
    WorkflowClient.start(approval::request, "trip");
    WorkflowClient.start(parent::run, "bea");
    WorkflowClient.start(timer::sleep, TIMER.toMillis());
    WorkflowClient.start(retry::run, SUCCEED_ON_ATTEMPT);
    WorkflowClient.start(trip::book, List.of("hotel", "flight", TripActivitiesImpl.UNAVAILABLE));
    runs.put("signal+query", WorkflowStub.fromTyped(approval));
    runs.put("child workflow", WorkflowStub.fromTyped(parent));
    runs.put("timer", WorkflowStub.fromTyped(timer));
    runs.put("activity retry", WorkflowStub.fromTyped(retry));
    runs.put("saga", WorkflowStub.fromTyped(trip));
  }

  /** Starts one of each workflow on the task queue; returns at once. */
  public static WorkflowSet start(WorkflowClient client, String taskQueue) {
    return new WorkflowSet(client, taskQueue);
  }

  /**
   * What {@link #results} returns when every workflow did its job and the approval came from
   * {@code "ann"}; the timer's entry is whether its workflow time reached {@link #TIMER}.
   */
  public static Map<String, Object> expected() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("signal+query", "trip approved by ann");
    m.put("child workflow", "parent got: hello bea");
    m.put("timer", "slept at least " + TIMER.toMillis() + " ms");
    m.put("activity retry", "ok on attempt " + SUCCEED_ON_ATTEMPT);
    m.put("saga", List.of("failed: no car available", "cancelled flight-booking",
        "cancelled hotel-booking"));
    return m;
  }

  /**
   * Waits until the approval workflow answers its query with its waiting status (so a worker
   * has run its first task).
   *
   * @return the status it answered
   * @throws IllegalStateException naming the last answer or error on timeout
   */
  public String awaitWaitingForApproval(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Object last = "no answer";
    while (System.nanoTime() - deadline < 0) {
      try {
        String status = approval.status();
        if (status.startsWith("waiting for approval")) {
          return status;
        }
        last = status;
      } catch (RuntimeException e) {
        last = e;
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException("awaited the approval workflow to answer its status query "
        + "with 'waiting for approval ...' for " + timeout + "; last: " + last);
  }

  /** Queries the approval workflow's status. */
  public String approvalStatus() {
    return approval.status();
  }

  /** Signals the approval. */
  public void approve(String approver) {
    approval.approve(approver);
  }

  /** The names of the workflows that are still running, by their server-side status. */
  public List<String> running() {
    List<String> running = new ArrayList<>();
    runs.forEach((name, stub) -> {
      if (stub.describe().getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        running.add(name);
      }
    });
    return running;
  }

  /**
   * Waits for every workflow's result, in the shape of {@link #expected()}.
   *
   * @throws TimeoutException naming the workflow that did not finish in time
   */
  public Map<String, Object> results(Duration timeout) throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> results = new LinkedHashMap<>();
    for (Map.Entry<String, WorkflowStub> run : runs.entrySet()) {
      long left = Math.max(1, deadline - System.nanoTime());
      WorkflowStub stub = run.getValue();
      Object result;
      try {
        result = switch (run.getKey()) {
          case "timer" -> {
            long slept = stub.getResult(left, TimeUnit.NANOSECONDS, Long.class);
            yield slept >= TIMER.toMillis() ? "slept at least " + TIMER.toMillis() + " ms"
                : "slept only " + slept + " ms";
          }
          case "saga" -> stub.getResult(left, TimeUnit.NANOSECONDS, List.class);
          default -> stub.getResult(left, TimeUnit.NANOSECONDS, String.class);
        };
      } catch (TimeoutException e) {
        throw new TimeoutException("the " + run.getKey() + " workflow "
            + stub.getExecution().getWorkflowId() + " did not finish within " + timeout);
      }
      results.put(run.getKey(), result);
    }
    return results;
  }

  private <T> T stub(Class<T> type, String taskQueue, String workflowId) {
    return client.newWorkflowStub(type, WorkflowOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setWorkflowId(workflowId)
        .setWorkflowExecutionTimeout(RUN_TIMEOUT)
        .build());
  }
}
