package ru.frmr.employer.api;

/** What a request to expire a link request did; the sweeper marks its deadline by it. */
public enum ExpiryOutcome {
    /** Expired now. */
    EXPIRED,
    /** Answered or expired before: nothing to do, ever. */
    ALREADY_SETTLED,
    /** Its deadline has not come by the clock the command carries. */
    NOT_DUE,
    /** No such request in this membership. */
    UNKNOWN
}
