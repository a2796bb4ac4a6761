package ru.frmr.auth.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal of auth-service, answered as a problem of type {@code https://frmr.ru/problems/{kind}}.
 * Messages and properties never carry tokens, codes or personal data.
 */
public class AuthException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final Map<String, Object> properties;

    public AuthException(HttpStatus status, String kind, String message, Map<String, Object> properties) {
        super(message);
        this.status = status;
        this.kind = kind;
        this.properties = Map.copyOf(properties);
    }

    public AuthException(HttpStatus status, String kind, String message) {
        this(status, kind, message, Map.of());
    }

    /** No valid access token, or its session is over. */
    public static AuthException unauthorized(String message) {
        return new AuthException(HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }

    public static AuthException forbidden(String message) {
        return new AuthException(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    /** The {@code state} of a callback is unknown, used or expired. */
    public static AuthException invalidState() {
        return new AuthException(HttpStatus.BAD_REQUEST, "invalid-state",
                "The login is unknown, expired or already finished; start it again.");
    }

    /** The {@code state} is genuine but this browser did not start the login. */
    public static AuthException stateNotBound() {
        return new AuthException(HttpStatus.FORBIDDEN, "state-mismatch",
                "This login was started in another browser; start it again here.");
    }

    public static AuthException locked(Instant until) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("lockedUntil", until.toString());
        return new AuthException(HttpStatus.LOCKED, "account-locked",
                "Too many wrong one-time codes; the account is locked for a while.", properties);
    }

    public static AuthException wrongCode(int remainingAttempts) {
        return new AuthException(HttpStatus.BAD_REQUEST, "wrong-code", "The one-time code is wrong.",
                Map.of("remainingAttempts", remainingAttempts));
    }

    public static AuthException blocked() {
        return new AuthException(HttpStatus.FORBIDDEN, "account-blocked",
                "The account is blocked by a registry administrator.");
    }

    public static AuthException needsConfirmation() {
        return new AuthException(HttpStatus.FORBIDDEN, "account-needs-confirmation",
                "The account needs confirmation by an administrator: POST /api/auth/activation-request asks for it.");
    }

    public HttpStatus status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
