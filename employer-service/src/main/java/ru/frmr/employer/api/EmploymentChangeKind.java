package ru.frmr.employer.api;

/** Why the terms of an employment changed (the history keeps it). */
public enum EmploymentChangeKind {
    /** Перевод: another department or position, same kind of contract. */
    TRANSFER,
    /** Another position, same kind of contract. */
    POSITION_CHANGE,
    /** Another rate only. */
    RATE_CHANGE,
    /** A mistake in the recorded terms put right: any of them may differ. */
    CORRECTION
}
