package ru.frmr.contracts.registry;

/** Parts of a worker's profile that a {@link ProfileUpdated} can name. */
public enum ProfileSection {
    PERSONAL_DATA,
    CONTACTS,
    EDUCATION,
    CERTIFICATES,
    ACCREDITATION,
    QUALIFICATION_CATEGORIES,
    EMPLOYMENT
}
