package dev.supervisedtemporal.chaos.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** How the driver reads the SDK's errors: outcome of the unit, or a reason to read again. */
class WorkloadDriverTest {

  private static final WorkflowExecution EXECUTION =
      WorkflowExecution.newBuilder().setWorkflowId("pay-1").build();

  @Test
  void aWorkflowTheServerNoLongerKnowsIsLost() {
    assertThat(WorkloadDriver.classify(new CompletionException(
        new WorkflowNotFoundException(EXECUTION, "Pay", null)))).isEqualTo(UnitOutcome.LOST);
    assertThat(WorkloadDriver.classify(new WorkflowServiceException(EXECUTION, "Pay",
        new StatusRuntimeException(Status.NOT_FOUND)))).isEqualTo(UnitOutcome.LOST);
  }

  @Test
  void waitingTooLongIsTimedOutAndAFailedWorkflowIsFailed() {
    assertThat(WorkloadDriver.classify(new CompletionException(new TimeoutException("late"))))
        .isEqualTo(UnitOutcome.TIMED_OUT);
    assertThat(WorkloadDriver.classify(new WorkflowFailedException(EXECUTION, "Pay",
        EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED, 0, RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
        ApplicationFailure.newFailure("declined", "Card"))))
        .isEqualTo(UnitOutcome.FAILED);
  }

  @Test
  void aTransportErrorIsReadAgainNotAnOutcome() {
    assertThat(WorkloadDriver.isTransient(new CompletionException(new WorkflowServiceException(
        EXECUTION, "Pay", new StatusRuntimeException(Status.UNAVAILABLE))))).isTrue();
    assertThat(WorkloadDriver.isTransient(new StatusRuntimeException(
        Status.RESOURCE_EXHAUSTED.withDescription("Workflow is busy.")))).isTrue();
    // a server shutting down (SIGTERM) cancels the calls it holds, as the SDK reports them
    assertThat(WorkloadDriver.isTransient(new CompletionException(new WorkflowServiceException(
        EXECUTION, "Pay", new java.util.concurrent.CancellationException(
            "The gRPC request was cancelled"))))).isTrue();
    assertThat(WorkloadDriver.isTransient(new StatusRuntimeException(Status.CANCELLED))).isTrue();
    assertThat(WorkloadDriver.isTransient(new StatusRuntimeException(Status.NOT_FOUND))).isFalse();
    assertThat(WorkloadDriver.isTransient(new TimeoutException("late"))).isFalse();
  }

  @Test
  void aReadThatRanOutOfItsSliceIsToldApart() {
    assertThat(WorkloadDriver.timedOut(new CompletionException(new TimeoutException("slice"))))
        .isTrue();
    assertThat(WorkloadDriver.timedOut(new StatusRuntimeException(Status.UNAVAILABLE))).isFalse();
  }
}
