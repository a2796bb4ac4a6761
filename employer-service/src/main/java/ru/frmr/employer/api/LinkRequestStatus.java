package ru.frmr.employer.api;

/** Where a link request stands; only a PENDING one can still change. */
public enum LinkRequestStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    EXPIRED
}
