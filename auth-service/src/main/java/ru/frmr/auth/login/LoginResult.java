package ru.frmr.auth.login;

import java.time.Instant;

import ru.frmr.auth.session.RefreshToken;

/**
 * How a callback ended: with a session, or waiting for the one-time code sent by e-mail; a login the portal started
 * ends handed off to the portal, or failed.
 */
public sealed interface LoginResult {

    /**
     * @param refreshToken for the browser's refresh cookie; the portal buys access tokens with it
     * @param person       the name as the identity provider reported it (for the portal's handoff), or null
     */
    record SessionOpened(RefreshToken refreshToken, PersonName person) implements LoginResult {

        @Override
        public String toString() {
            return "SessionOpened[***]";
        }
    }

    /** @param maskedEmail e.g. {@code i***@frmr.test} */
    record SecondFactorRequired(String maskedEmail, Instant expiresAt) implements LoginResult {
    }

    /** @param code the one-time handoff code for the portal's redirect ({@link LoginHandoffs}) */
    record HandedOff(String code) implements LoginResult {

        @Override
        public String toString() {
            return "HandedOff[***]";
        }
    }

    /** @param error a short slug for the portal: access_denied, account_blocked, account_locked, … */
    record HandoffFailed(String error) implements LoginResult {
    }
}
