package ru.frmr.esia.emulator.rs;

import org.springframework.http.HttpStatus;

/** A person API request refused with a status and an OAuth-style error. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String error;

    private ApiException(HttpStatus status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    static ApiException invalidToken(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_token", message);
    }

    static ApiException foreignPerson() {
        return new ApiException(HttpStatus.FORBIDDEN, "access_denied",
                "the access token was issued for another person");
    }

    static ApiException insufficientScope(String needed) {
        return new ApiException(HttpStatus.FORBIDDEN, "insufficient_scope",
                "the access token lacks the scope needed here: " + needed);
    }

    static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", "no such element");
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }
}
