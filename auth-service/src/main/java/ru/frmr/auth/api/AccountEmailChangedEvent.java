package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Domain event: the identity provider reported another verified e-mail; one-time codes go there now. */
@Revision("1")
public record AccountEmailChangedEvent(String accountId, String email, Instant at) {

    @Override
    public String toString() {
        return "AccountEmailChangedEvent[accountId=" + accountId + "]";
    }
}
