package ru.frmr.notification.support.api;

import java.time.Duration;

/** The time rules for support requests. */
public final class SupportPolicy {

    /** An answer is due within 24 hours of filing (or of reopening). */
    public static final Duration ANSWER_TARGET = Duration.ofHours(24);
    /** How long after the answer the requester may reopen; then an answered request closes by itself. */
    public static final Duration REOPEN_WINDOW = Duration.ofDays(14);

    private SupportPolicy() {
    }
}
