package ru.frmr.auth.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import ru.frmr.auth.session.OpenedSession;

/**
 * OAuth-style token answer. {@code step_up} is there only on the answer of a step-up verification;
 * {@code refresh_token} and {@code session_id} only where the caller holds the refresh token itself (the portal:
 * a handoff, its second factor, a refresh with the token in the body), and {@code status} only on the handoff's
 * answers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenResponse(@JsonProperty("status") String status,
                     @JsonProperty("access_token") String accessToken,
                     @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") long expiresIn,
                     @JsonProperty("step_up") Boolean stepUp,
                     @JsonProperty("refresh_token") String refreshToken,
                     @JsonProperty("session_id") String sessionId) {

    static final String SESSION_OPENED = "SESSION_OPENED";

    static TokenResponse bearer(String accessToken, long expiresIn) {
        return new TokenResponse(null, accessToken, "Bearer", expiresIn, null, null, null);
    }

    static TokenResponse stepUp(String accessToken, long expiresIn) {
        return new TokenResponse(null, accessToken, "Bearer", expiresIn, true, null, null);
    }

    /** The access token and the session's refresh token, for a caller that keeps the refresh token server-side. */
    static TokenResponse withRefresh(OpenedSession session, long expiresIn) {
        return new TokenResponse(null, session.accessToken(), "Bearer", expiresIn, null,
                session.refreshToken().value(), session.sessionId());
    }

    /** A portal login's end: the session is open. */
    static TokenResponse sessionOpened(OpenedSession session, long expiresIn) {
        return new TokenResponse(SESSION_OPENED, session.accessToken(), "Bearer", expiresIn, null,
                session.refreshToken().value(), session.sessionId());
    }

    @Override
    public String toString() {
        return "TokenResponse[***]";
    }
}
