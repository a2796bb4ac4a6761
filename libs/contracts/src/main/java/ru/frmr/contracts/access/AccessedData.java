package ru.frmr.contracts.access;

/** What kind of a person's non-public data was shown. */
public enum AccessedData {
    /** The worker's record: name, birth date, masked СНИЛС, contacts, professional record. */
    RECORD,
    CONTACTS,
    IDENTITY_DOCUMENT,
    EMPLOYMENT,
    /** A postal address (a справка sent by post). */
    POST_ADDRESS,
    /** A support request (обращение) and its correspondence. */
    SUPPORT_REQUEST,
    CERTIFICATE
}
