package ru.frmr.auth.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import ru.frmr.auth.login.PersonName;
import ru.frmr.auth.session.OpenedSession;

/**
 * OAuth-style token answer. {@code step_up} is there only on the answer of a step-up verification;
 * {@code refresh_token} and {@code session_id} only where the caller holds the refresh token itself (the portal:
 * a handoff, its second factor, a refresh with the token in the body), and {@code status} and {@code person} only on
 * the handoff's answers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenResponse(@JsonProperty("status") String status,
                     @JsonProperty("access_token") String accessToken,
                     @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") long expiresIn,
                     @JsonProperty("step_up") Boolean stepUp,
                     @JsonProperty("refresh_token") String refreshToken,
                     @JsonProperty("session_id") String sessionId,
                     @JsonProperty("person") Person person) {

    static final String SESSION_OPENED = "SESSION_OPENED";

    static TokenResponse bearer(String accessToken, long expiresIn) {
        return new TokenResponse(null, accessToken, "Bearer", expiresIn, null, null, null, null);
    }

    static TokenResponse stepUp(String accessToken, long expiresIn) {
        return new TokenResponse(null, accessToken, "Bearer", expiresIn, true, null, null, null);
    }

    /** The access token and the session's refresh token, for a caller that keeps the refresh token server-side. */
    static TokenResponse withRefresh(OpenedSession session, long expiresIn) {
        return new TokenResponse(null, session.accessToken(), "Bearer", expiresIn, null,
                session.refreshToken().value(), session.sessionId(), null);
    }

    /** A portal login's end: the session is open; {@code person} is the name reported at the login, or null. */
    static TokenResponse sessionOpened(OpenedSession session, long expiresIn, PersonName person) {
        return new TokenResponse(SESSION_OPENED, session.accessToken(), "Bearer", expiresIn, null,
                session.refreshToken().value(), session.sessionId(),
                person == null ? null : new Person(person.lastName(), person.firstName(), person.middleName()));
    }

    @Override
    public String toString() {
        return "TokenResponse[***]";
    }

    /** The ФИО in the handoff's answer; {@code middleName} only where the person has one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Person(String lastName, String firstName, String middleName) {

        @Override
        public String toString() {
            return "Person[***]";
        }
    }
}
