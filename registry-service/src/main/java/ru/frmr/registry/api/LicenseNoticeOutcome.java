package ru.frmr.registry.api;

/** What the record did with an {@link IssueLicenseNoticeCommand}. Only {@link #ISSUED} produced an event. */
public enum LicenseNoticeOutcome {
    ISSUED,
    /** This notice went out before (a retry, or another replica was first). */
    ALREADY_ISSUED,
    /** Its day has not come yet. */
    NOT_DUE,
    /** The entry is no longer an approved licence of the record with this end date. */
    NOT_IN_RECORD,
    /** An approved licence of the same kind and specialty ends later: the worker has renewed it. */
    RENEWED,
    /** A nearer notice for this end date went out already or is due as well: this one would be old news. */
    SUPERSEDED
}
