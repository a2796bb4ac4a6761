package ru.frmr.registry.api;

/** The kinds of accreditation of a specialist (Federal Law 323-FZ, art. 69). */
public enum AccreditationKind {
    PRIMARY,
    PRIMARY_SPECIALIZED,
    PERIODIC
}
