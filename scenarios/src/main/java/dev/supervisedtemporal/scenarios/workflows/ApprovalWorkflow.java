package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Waits for an approval signal; its status can be queried while it waits. */
@WorkflowInterface
public interface ApprovalWorkflow {

  /** Returns "REQUEST approved by APPROVER" once approved. */
  @WorkflowMethod
  String request(String what);

  /** Approves the request. */
  @SignalMethod
  void approve(String approver);

  /** "waiting for approval of REQUEST", then "approved by APPROVER". */
  @QueryMethod
  String status();
}
