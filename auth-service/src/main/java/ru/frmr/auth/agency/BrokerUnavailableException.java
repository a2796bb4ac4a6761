package ru.frmr.auth.agency;

import org.springframework.http.HttpStatus;

import ru.frmr.auth.error.AuthException;

/** The Kafka broker did not confirm a change of an agency's credentials or ACLs: 503, nothing was recorded. */
public class BrokerUnavailableException extends AuthException {

    public BrokerUnavailableException(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", message);
    }
}
