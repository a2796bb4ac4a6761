package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event, stored before a new contact needed confirmation ({@link ContactChangeRequestedEvent}): the identity
 * provider reported another verified e-mail and one-time codes went there at once. Still read when an account is
 * rebuilt; no longer applied. The e-mail is
 * a personal data token sealed under the person's key; events stored before auth-service sealed personal data
 * hold it plain (readers take a value without the token prefix as it is).
 */
@Revision("1")
public record AccountEmailChangedEvent(String accountId, String email, Instant at) {

    @Override
    public String toString() {
        return "AccountEmailChangedEvent[accountId=" + accountId + "]";
    }
}
