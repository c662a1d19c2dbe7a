package dev.supervisedtemporal.scenarios;

import dev.supervisedtemporal.lifecycle.backend.BackendDiscovery;
import java.util.Locale;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a scenario only when the run's backend is the embedded server: {@code embedded}, or
 * {@code auto} (the default) on a machine without a Temporal CLI. For features only the embedded
 * backend has, such as the warm standby; evaluated before the server would start.
 */
final class EmbeddedBackendOnly implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String backend = context.getConfigurationParameter("supervised.temporal.backend")
        .orElse("auto").trim().toLowerCase(Locale.ROOT);
    boolean embedded = backend.equals("embedded")
        || backend.equals("auto") && BackendDiscovery.findCli().isEmpty();
    return embedded
        ? ConditionEvaluationResult.enabled("the backend is embedded")
        : ConditionEvaluationResult.disabled("only the embedded backend has this feature; "
            + "backend = " + backend);
  }
}
