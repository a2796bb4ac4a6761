package ru.frmr.contracts.documents;

/** The kinds of справка the register issues. */
public enum CertificateType {
    /** About the person's qualification: education, certificates, accreditation, categories. */
    QUALIFICATION,
    /** About the employment history (стаж) as the employers recorded it. */
    EMPLOYMENT_HISTORY,
    /** An extract from the public register. */
    REGISTER_EXTRACT
}
