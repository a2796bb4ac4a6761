package ru.frmr.auth.oauth;

import java.util.Map;

import org.springframework.http.HttpStatus;

import ru.frmr.auth.error.AuthException;

/**
 * The token endpoint's refusals: problem+json like every other error of the platform, carrying also the members
 * RFC 6749 §5.2 defines ({@code error}, {@code error_description}) so that a stock OAuth client understands them.
 * The description says which rule failed, never the assertion or a key.
 */
final class OAuthErrors {

    private OAuthErrors() {
    }

    static AuthException invalidClient(String description) {
        return error(HttpStatus.UNAUTHORIZED, "invalid-client", "invalid_client", description);
    }

    static AuthException invalidRequest(String description) {
        return error(HttpStatus.BAD_REQUEST, "invalid-request", "invalid_request", description);
    }

    static AuthException invalidScope(String description) {
        return error(HttpStatus.BAD_REQUEST, "invalid-scope", "invalid_scope", description);
    }

    static AuthException unsupportedGrantType(String description) {
        return error(HttpStatus.BAD_REQUEST, "unsupported-grant-type", "unsupported_grant_type", description);
    }

    private static AuthException error(HttpStatus status, String kind, String error, String description) {
        return new AuthException(status, kind, description, Map.of("error", error, "error_description", description));
    }
}
