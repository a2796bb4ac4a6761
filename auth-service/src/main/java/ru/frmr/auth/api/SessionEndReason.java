package ru.frmr.auth.api;

/** The {@code reason} of {@code SessionEnded}. */
public enum SessionEndReason {
    LOGOUT,
    ENDED_BY_USER,
    IDLE_TIMEOUT,
    ABSOLUTE_TIMEOUT,
    SESSION_LIMIT,
    REFRESH_TOKEN_REUSE,
    ACCOUNT_BLOCKED
}
