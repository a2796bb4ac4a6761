package ru.frmr.notification.support.api;

/** Where a support request stands: NEW → IN_WORK → ANSWERED → CLOSED; a reopened request is IN_WORK again. */
public enum SupportStatus {
    NEW,
    IN_WORK,
    ANSWERED,
    CLOSED;

    /** Waiting for support's answer: what the queue shows by default. */
    public boolean open() {
        return this == NEW || this == IN_WORK;
    }
}
