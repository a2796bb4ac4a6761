package ru.frmr.registry.query;

/** Where a submitted change stands in moderation. */
public enum ChangeStatus {
    PENDING,
    APPROVED,
    REJECTED
}
