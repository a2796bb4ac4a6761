package ru.frmr.auth.api;

import java.time.Instant;

/**
 * The account's answer to a login step.
 *
 * @param refusal      null when allowed, else the {@code LoginFailed} reason ({@code LOCKED}, {@code BLOCKED},
 *                     {@code NEEDS_CONFIRMATION})
 * @param lockedUntil  set when {@code refusal} is {@code LOCKED}
 */
public record LoginCheck(String refusal, Instant lockedUntil) {

    public static final String LOCKED = "LOCKED";
    public static final String BLOCKED = "BLOCKED";
    public static final String NEEDS_CONFIRMATION = "NEEDS_CONFIRMATION";

    public static LoginCheck allowed() {
        return new LoginCheck(null, null);
    }

    public boolean isAllowed() {
        return refusal == null;
    }
}
