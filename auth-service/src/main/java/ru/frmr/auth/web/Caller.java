package ru.frmr.auth.web;

import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.session.SessionState;
import ru.frmr.auth.token.VerifiedToken;

/**
 * The authenticated caller of an endpoint: a valid platform access token whose session is still open.
 * Declaring it as a handler parameter makes the endpoint require it.
 */
record Caller(VerifiedToken token, SessionState session) {

    void requireRole(PlatformRole role) {
        if (!token.hasRole(role)) {
            throw AuthException.forbidden("This needs the " + role + " role.");
        }
    }
}
