package ru.frmr.gateway.edge;

import org.springframework.http.HttpStatus;

import ru.frmr.gateway.error.EdgeRejectionException;

/** The caller's fault, not the downstream's: the circuit breakers are configured to ignore it. */
public class RequestBodyTooLargeException extends EdgeRejectionException {

    public RequestBodyTooLargeException() {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than the gateway accepts.");
    }
}
