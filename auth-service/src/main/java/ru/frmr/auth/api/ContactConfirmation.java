package ru.frmr.auth.api;

/** How a new contact of an account came to be trusted. */
public enum ContactConfirmation {
    /** The person entered the code mailed to the e-mail the account held before. */
    PREVIOUS_EMAIL,
    /** A registry administrator confirmed it. */
    ADMINISTRATOR,
    /** The account held no contact of that kind (or it was erased), so there was nothing to confirm it through. */
    NONE_HELD
}
