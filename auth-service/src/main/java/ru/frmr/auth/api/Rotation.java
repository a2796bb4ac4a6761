package ru.frmr.auth.api;

/**
 * @param claims    the session's claims, for a new access token ({@link Outcome#ROTATED} only)
 * @param accountId the session's account ({@link Outcome#ROTATED} only)
 */
public record Rotation(Outcome outcome, String accountId, SessionClaims claims) {

    public enum Outcome {
        ROTATED,
        /** A token that was already exchanged: the whole session has been ended. */
        REUSED,
        /** Idle or absolute lifetime over: the session has been ended. */
        EXPIRED,
        /** Ended before. */
        ENDED,
        /** Not a token of this session. */
        UNKNOWN
    }

    public static Rotation of(Outcome outcome) {
        return new Rotation(outcome, null, null);
    }
}
