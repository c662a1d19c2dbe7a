package dev.supervisedtemporal.scenarios.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** The activity stub every scenario workflow uses: short timeouts, short fixed retries. */
final class Activities {

  /** The pause between activity attempts: real time, short. */
  static final Duration RETRY_INTERVAL = Duration.ofMillis(500);

  private Activities() {}

  /** A stub that retries every {@link #RETRY_INTERVAL}, up to {@code maxAttempts}. */
  static TripActivities stub(int maxAttempts) {
    return Workflow.newActivityStub(TripActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(RETRY_INTERVAL)
            .setBackoffCoefficient(1.0)
            .setMaximumAttempts(maxAttempts)
            .build())
        .build());
  }
}
