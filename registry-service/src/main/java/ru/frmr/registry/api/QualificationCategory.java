package ru.frmr.registry.api;

/** Qualification categories a certification commission awards. */
public enum QualificationCategory {
    SECOND,
    FIRST,
    HIGHEST
}
