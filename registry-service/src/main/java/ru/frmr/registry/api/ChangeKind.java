package ru.frmr.registry.api;

/** What a submitted change does to the record. */
public enum ChangeKind {
    /** A new entry. */
    ADD,
    /** Replaces an approved entry's fields; the entry keeps its id. */
    CORRECT,
    /** Takes an approved entry out of the record. */
    REMOVE
}
