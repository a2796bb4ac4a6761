package ru.frmr.notification.support.api;

/** What a sweep's command did to a request. */
public enum SweepOutcome {
    /** Done now (marked overdue, closed). */
    DONE,
    /** Nothing left to do: done before, or the request moved on (answered, closed, reopened). */
    SETTLED,
    /** Not due yet for the request. */
    NOT_DUE
}
