package ru.frmr.auth.login;

import java.time.Instant;

import ru.frmr.auth.session.RefreshToken;

/**
 * How a login the portal started ended, as the portal learns it when it redeems the handoff code. The secrets
 * (refresh token, the pending login's secret) and the person's name never reach the browser;
 * {@link #toString()} hides them.
 */
public sealed interface LoginHandoff {

    /**
     * @param refreshToken the session's first refresh token, to be rotated at once when it is handed over
     * @param person       the name reported at this login; null where unknown (a record stored before it was kept)
     */
    record SessionOpened(RefreshToken refreshToken, PersonName person) implements LoginHandoff {

        @Override
        public String toString() {
            return "SessionOpened[***]";
        }
    }

    /**
     * @param login       the pending login's secret (what the browser flow keeps in {@code frmr_login})
     * @param maskedEmail where the one-time code went, e.g. {@code k***@frmr.test}
     */
    record SecondFactorRequired(String login, String maskedEmail, Instant expiresAt) implements LoginHandoff {

        @Override
        public String toString() {
            return "SecondFactorRequired[expiresAt=" + expiresAt + "]";
        }
    }

    /** The account needs an administrator's confirmation; {@code login} may ask for it. */
    record ActivationRequired(String login) implements LoginHandoff {

        @Override
        public String toString() {
            return "ActivationRequired[***]";
        }
    }
}
