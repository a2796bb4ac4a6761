package ru.frmr.auth.session;

import ru.frmr.auth.api.LoginCheck;
import ru.frmr.auth.error.AuthException;

/** An account's refusal as the problem the caller gets. */
public final class LoginRefusals {

    private LoginRefusals() {
    }

    public static AuthException toException(LoginCheck check) {
        return switch (check.refusal()) {
            case LoginCheck.LOCKED -> AuthException.locked(check.lockedUntil());
            case LoginCheck.BLOCKED -> AuthException.blocked();
            case LoginCheck.NEEDS_CONFIRMATION -> AuthException.needsConfirmation();
            default -> AuthException.forbidden("The login was refused.");
        };
    }
}
