package ru.frmr.auth.api;

/** The platform's roles, carried in the access token's {@code roles} claim. */
public enum PlatformRole {
    WORKER,
    EMPLOYER_HR,
    REGISTRY_ADMIN,
    SUPERVISOR,
    AUDITOR,
    /** Answers support requests (обращения). */
    SUPPORT
}
