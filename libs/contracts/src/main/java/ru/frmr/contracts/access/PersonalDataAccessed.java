package ru.frmr.contracts.access;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: someone other than the person read the person's non-public data. Who, when, what kind and why;
 * never the data itself. Keyed by the worker, so one person's reads stay in order.
 *
 * @param accessId unique per read (and the CloudEvents id): consumers deduplicate on it
 * @param purpose  what the reader stated, or the fixed purpose of their role ({@code кадровый учёт})
 * @param service  the service that showed the data ({@code registry-service})
 */
public record PersonalDataAccessed(String accessId, String workerId, AccessActor actor, AccessedData what,
                                   String purpose, String service, Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return workerId;
    }
}
