package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.workflow.Workflow;

/** Signal and query: waits until {@link #approve} is signalled. */
public class ApprovalWorkflowImpl implements ApprovalWorkflow {

  private String request = "";
  private String approver;

  @Override
  public String request(String what) {
    request = what;
    Workflow.await(() -> approver != null);
    return what + " approved by " + approver;
  }

  @Override
  public void approve(String approver) {
    this.approver = approver;
  }

  @Override
  public String status() {
    return approver == null ? "waiting for approval of " + request : "approved by " + approver;
  }
}
