package ru.frmr.gateway.error;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the gateway itself turns away before routing it. Its reason is written for the caller and
 * becomes the problem's {@code detail}; its headers ({@code WWW-Authenticate}, {@code Retry-After}) go
 * on the response.
 */
public class EdgeRejectionException extends ResponseStatusException {

    private final HttpHeaders headers;

    public EdgeRejectionException(HttpStatus status, String reason) {
        this(status, reason, HttpHeaders.EMPTY);
    }

    public EdgeRejectionException(HttpStatus status, String reason, HttpHeaders headers) {
        super(status, reason);
        this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
