package ru.frmr.auth.api;

/** Why a one-time code was sent; also the {@code LoginFailed} reason of a wrong code. */
public enum CodePurpose {
    /** The second factor of a login. */
    SECOND_FACTOR,
    /** Confirmation of a sensitive action within a session. */
    STEP_UP,
    /** Confirmation, through the previous e-mail, of a new e-mail or mobile number the identity provider reported. */
    CONTACT_CHANGE
}
