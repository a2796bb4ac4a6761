package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Domain event: the person asked an administrator to activate their unconfirmed account. */
@Revision("1")
public record ActivationRequestedEvent(String accountId, Instant at) {
}
