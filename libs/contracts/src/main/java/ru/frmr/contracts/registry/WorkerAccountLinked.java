package ru.frmr.contracts.registry;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a login account belongs to the worker with this registry number. auth-service learns the number from
 * it (for the {@code worker_id} claim of its tokens) instead of computing it; the registry sends it after it
 * created or found the record of a provisioned account. Repeated for the same pair at most on redelivery.
 *
 * @param workerId  the worker's registry number (random; the record's id)
 * @param accountId auth-service's id of the login account
 */
public record WorkerAccountLinked(String workerId, String accountId, Instant linkedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return workerId;
    }
}
