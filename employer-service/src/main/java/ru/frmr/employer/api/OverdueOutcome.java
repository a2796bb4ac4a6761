package ru.frmr.employer.api;

/** What a discrepancy answered to {@link MarkDiscrepancyOverdueCommand}. */
public enum OverdueOutcome {
    /** It became overdue now ({@link EmployerResponseOverdueEvent}). */
    OVERDUE,
    /** It was overdue already: nothing recorded again. */
    ALREADY_OVERDUE,
    /** Answered in time: never overdue. */
    ANSWERED,
    /** Its due date has not passed by the sender's clock. */
    NOT_DUE
}
