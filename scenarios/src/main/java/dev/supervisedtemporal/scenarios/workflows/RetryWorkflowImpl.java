package dev.supervisedtemporal.scenarios.workflows;

/** Activity retry: the server retries the flaky activity every 500 ms until it succeeds. */
public class RetryWorkflowImpl implements RetryWorkflow {

  @Override
  public String run(int succeedOnAttempt) {
    return Activities.stub(succeedOnAttempt + 2).flaky(succeedOnAttempt);
  }
}
