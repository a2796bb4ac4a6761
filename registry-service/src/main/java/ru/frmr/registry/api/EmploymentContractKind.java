package ru.frmr.registry.api;

/** How the worker holds a position (the registry's own copy of the employer's contract kinds). */
public enum EmploymentContractKind {
    /** Основное место работы. */
    MAIN,
    /** Внутреннее совместительство. */
    INTERNAL_PART_TIME,
    /** Внешнее совместительство. */
    EXTERNAL_PART_TIME
}
