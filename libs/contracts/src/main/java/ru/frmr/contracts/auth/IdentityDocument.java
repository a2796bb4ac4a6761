package ru.frmr.contracts.auth;

import java.time.LocalDate;

/**
 * The identity document ESIA holds for a person (for a Russian citizen the internal passport).
 *
 * @param type       ESIA's document type, e.g. {@code RF_PASSPORT}
 * @param issuerCode the issuing unit's code ({@code 770-001}); ESIA calls it {@code issueId}
 */
public record IdentityDocument(String type, String series, String number, LocalDate issueDate, String issuedBy,
                               String issuerCode) {

    @Override
    public String toString() {
        return "IdentityDocument[type=" + type + "]";
    }
}
