package ru.frmr.auth.api;

/**
 * An identity document as auth-service stores it: {@code type} in plain text, every other field a personal data
 * token (the issue date as its ISO form).
 */
public record SealedIdentityDocument(String type, String series, String number, String issueDate, String issuedBy,
                                     String issuerCode) {

    @Override
    public String toString() {
        return "SealedIdentityDocument[type=" + type + "]";
    }
}
