package ru.frmr.deploy;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules the compose file and the manifests share. */
final class DeploymentRules {

    /** A profile that carries the repository's development keys (local, test) made active. */
    static final String DEVELOPMENT_PROFILE =
            "(?i)(SPRING_PROFILES_ACTIVE|spring\\.profiles\\.active)[^\\n]*\\b(local|test)\\b";

    private DeploymentRules() {
    }

    /** An image names a fixed version: a tag that is not {@code latest} (or a digest). */
    static void assertPinned(String image) {
        String withoutRegistryPort = image.replaceFirst("^[^/]+:[0-9]+/", "");
        assertThat(withoutRegistryPort).as(image + " names a tag or digest").containsAnyOf(":", "@sha256:");
        String tag = withoutRegistryPort.substring(withoutRegistryPort.lastIndexOf(':') + 1);
        assertThat(tag).as(image + " is pinned").isNotBlank().isNotEqualToIgnoringCase("latest");
    }
}
