package ru.frmr.registry.api;

import java.time.LocalDate;

/**
 * A worker's identity document in plain text, as commands carry it (never stored: events hold a
 * {@link SealedIdentityDocument}).
 *
 * @param type       ESIA's document type: {@code RF_PASSPORT}, or {@code FID_DOC} for a foreign citizen
 * @param issueDate  may be null
 * @param issuerCode the issuing unit's code ({@code 770-001})
 */
public record IdentityDocument(String type, String series, String number, LocalDate issueDate, String issuedBy,
                               String issuerCode) {

    public static final String RF_PASSPORT = "RF_PASSPORT";

    @Override
    public String toString() {
        return "IdentityDocument[type=" + type + "]";
    }
}
