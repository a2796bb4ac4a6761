package ru.frmr.portal.api;

/** The person's platform session is over (ended, expired, revoked): they must sign in again. */
public class SessionExpiredException extends RuntimeException {

    public SessionExpiredException(String message) {
        super(message);
    }
}
