package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Domain event. */
@Revision("1")
public record AccountStatusChangedEvent(String accountId, AccountStatus status, AccountStatus previousStatus,
                                        Instant at) {
}
