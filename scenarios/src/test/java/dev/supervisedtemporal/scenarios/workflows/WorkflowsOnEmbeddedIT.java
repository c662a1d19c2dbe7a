package dev.supervisedtemporal.scenarios.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import dev.supervisedtemporal.extension.WithWorker;
import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every scenario workflow completes with its expected result on the embedded server. */
@WithSupervisedTemporal(backend = Backend.EMBEDDED)
@WithWorker(taskQueue = WorkflowSet.TASK_QUEUE, workflows = {ApprovalWorkflowImpl.class,
    ParentWorkflowImpl.class, GreetingChildWorkflowImpl.class, TimerWorkflowImpl.class,
    RetryWorkflowImpl.class, TripWorkflowImpl.class}, activities = TripActivitiesImpl.class)
class WorkflowsOnEmbeddedIT {

  @Test
  void everyWorkflowCompletesWithItsResult(SupervisedTemporal temporal, WorkflowClient client)
      throws Exception {
    assertThat(temporal.backend()).isEqualTo(BackendKind.EMBEDDED);
    WorkflowSet set = WorkflowSet.start(client, WorkflowSet.TASK_QUEUE);

    assertThat(set.awaitWaitingForApproval(Duration.ofSeconds(30)))
        .isEqualTo("waiting for approval of trip");
    set.approve("ann");

    assertThat(set.results(Duration.ofSeconds(90))).isEqualTo(WorkflowSet.expected());
    assertThat(set.approvalStatus()).isEqualTo("approved by ann");
  }
}
