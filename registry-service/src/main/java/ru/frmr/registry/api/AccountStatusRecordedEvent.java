package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event: auth-service reported this status of the worker's login account. The latest report (by
 * {@code changedAt}) decides whether the account is blocked, and a blocked one keeps the person out of the public
 * register and FHIR.
 *
 * @param status {@code ACTIVE}, {@code BLOCKED} or {@code NEEDS_CONFIRMATION}, as auth-service names them
 */
@Revision("1")
public record AccountStatusRecordedEvent(String workerId, String accountId, String status, Instant changedAt) {

    public static final String BLOCKED = "BLOCKED";

    public boolean blocked() {
        return BLOCKED.equals(status);
    }
}
