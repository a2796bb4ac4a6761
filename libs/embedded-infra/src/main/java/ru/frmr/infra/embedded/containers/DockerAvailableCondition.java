package ru.frmr.infra.embedded.containers;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Enables a {@link RequiresDocker} class only where Testcontainers finds a Docker daemon. The reason of a skip says
 * why (Testcontainers' own message: no socket, no DOCKER_HOST, a daemon that does not answer), and is printed too,
 * since a build log shows a skipped class only as a count.
 */
final class DockerAvailableCondition implements ExecutionCondition {

    /** Asked once per JVM: Testcontainers' probe of every strategy takes a while when none works. */
    private static ConditionEvaluationResult result;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult verdict = verdict();
        if (verdict.isDisabled()) {
            System.out.println("SKIPPED " + context.getDisplayName() + ": " + verdict.getReason().orElseThrow());
        }
        return verdict;
    }

    private static synchronized ConditionEvaluationResult verdict() {
        if (result == null) {
            result = probe();
        }
        return result;
    }

    private static ConditionEvaluationResult probe() {
        try {
            DockerClientFactory.instance().client();
            return ConditionEvaluationResult.enabled("Docker is available");
        } catch (RuntimeException | LinkageError e) {
            return ConditionEvaluationResult.disabled("Docker is not available: " + e.getMessage());
        }
    }
}
