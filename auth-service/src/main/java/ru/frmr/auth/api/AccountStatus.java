package ru.frmr.auth.api;

/** Whether an account may log in. Names are the wire values of {@code AccountStatusChanged}. */
public enum AccountStatus {
    ACTIVE,
    BLOCKED,
    /** The ESIA account is not confirmed (not {@code trusted}): an administrator has to activate it. */
    NEEDS_CONFIRMATION
}
