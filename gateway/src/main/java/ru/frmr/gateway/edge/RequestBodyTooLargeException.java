package ru.frmr.gateway.edge;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The caller's fault, not the downstream's: the circuit breakers are configured to ignore it. */
public class RequestBodyTooLargeException extends ResponseStatusException {

    public RequestBodyTooLargeException() {
        super(HttpStatus.PAYLOAD_TOO_LARGE);
    }
}
