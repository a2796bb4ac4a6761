package ru.frmr.contracts.auth;

/** The kinds of supervisory agency the platform knows. */
public enum AgencyKind {
    /** Министерство здравоохранения РФ. */
    MINZDRAV,
    /** Федеральная служба по надзору в сфере здравоохранения. */
    ROSZDRAVNADZOR,
    /** A regional health authority: it supervises one subject of the federation (its {@code regionCode}). */
    REGIONAL_HEALTH_AUTHORITY
}
