package ru.frmr.contracts.employer;

/** How the worker holds the position: the main job, or a second one held alongside it. */
public enum ContractKind {
    /** Основное место работы. */
    MAIN,
    /** Внутреннее совместительство: a second position with the same employer. */
    INTERNAL_PART_TIME,
    /** Внешнее совместительство: a position with another employer besides the main job. */
    EXTERNAL_PART_TIME
}
