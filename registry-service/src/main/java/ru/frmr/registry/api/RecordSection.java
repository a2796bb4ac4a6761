package ru.frmr.registry.api;

/** The parts of the professional record a worker keeps and an administrator moderates. */
public enum RecordSection {
    EDUCATION,
    CERTIFICATES,
    ACCREDITATION,
    QUALIFICATION_CATEGORIES,
    /** Интернатура, ординатура, аспирантура. */
    POSTGRADUATE_EDUCATION,
    /** Повышение квалификации, профессиональная переподготовка. */
    ADDITIONAL_EDUCATION,
    /** Reported by employers through the employer-service; the worker cannot submit changes of it. */
    EMPLOYMENT
}
