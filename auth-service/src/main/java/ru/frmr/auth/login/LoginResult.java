package ru.frmr.auth.login;

import java.time.Instant;

import ru.frmr.auth.session.OpenedSession;

/** How a callback ended: with a session, or waiting for the one-time code sent by e-mail. */
public sealed interface LoginResult {

    record SessionOpened(OpenedSession session) implements LoginResult {
    }

    /** @param maskedEmail e.g. {@code i***@frmr.test} */
    record SecondFactorRequired(String maskedEmail, Instant expiresAt) implements LoginResult {
    }
}
