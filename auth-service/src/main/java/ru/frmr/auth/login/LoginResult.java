package ru.frmr.auth.login;

import java.time.Instant;

import ru.frmr.auth.session.RefreshToken;

/** How a callback ended: with a session, or waiting for the one-time code sent by e-mail. */
public sealed interface LoginResult {

    /** @param refreshToken for the browser's refresh cookie; the portal buys access tokens with it */
    record SessionOpened(RefreshToken refreshToken) implements LoginResult {
    }

    /** @param maskedEmail e.g. {@code i***@frmr.test} */
    record SecondFactorRequired(String maskedEmail, Instant expiresAt) implements LoginResult {
    }
}
