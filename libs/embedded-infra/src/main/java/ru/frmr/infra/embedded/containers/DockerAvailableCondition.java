package ru.frmr.infra.embedded.containers;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Enables a {@link RequiresDocker} class only where Testcontainers finds a Docker daemon and the build asked for the
 * containers suites ({@code -Ptestcontainers}, which sets {@value #SWITCH}). The reason of a skip says why
 * (Testcontainers' own message: no socket, no DOCKER_HOST, a daemon that does not answer; or the profile is off), and
 * is printed too, since a build log shows a skipped class only as a count.
 */
final class DockerAvailableCondition implements ExecutionCondition {

    /** The system property the {@code testcontainers} Maven profile sets to true. */
    static final String SWITCH = "frmr.testcontainers";

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
            if (!Boolean.getBoolean(SWITCH)) {
                return ConditionEvaluationResult.disabled("Docker is available, but the Testcontainers suites run only "
                        + "with the Maven profile testcontainers (./mvnw -B -Ptestcontainers verify)");
            }
            return ConditionEvaluationResult.enabled("Docker is available");
        } catch (RuntimeException | LinkageError e) {
            return ConditionEvaluationResult.disabled("Docker is not available: " + e.getMessage());
        }
    }
}
