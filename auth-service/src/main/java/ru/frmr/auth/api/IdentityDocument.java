package ru.frmr.auth.api;

import java.time.LocalDate;

/**
 * An identity document as the identity provider holds it (ESIA: {@code /rs/prns/{oid}/docs}).
 *
 * @param type       ESIA's type: {@code RF_PASSPORT}, or {@code FID_DOC} for a foreign citizen's document
 * @param issueDate  null when the provider gave none
 * @param issuerCode the issuing unit's code ({@code 770-001}), ESIA's {@code issueId}
 */
public record IdentityDocument(String type, String series, String number, LocalDate issueDate, String issuedBy,
                               String issuerCode) {

    @Override
    public String toString() {
        return "IdentityDocument[type=" + type + "]";
    }
}
