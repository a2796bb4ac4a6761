package ru.frmr.contracts.registry;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * A registry administrator turned down a change the worker submitted; the record stays as it was.
 * For the platform's own services (notifying the worker, the audit ledger), not for outside subscribers.
 *
 * @param reason the administrator's explanation, addressed to the worker
 */
public record ProfileChangeRejected(String workerId, String changeId, ProfileSection section, String reason,
                                    Instant rejectedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return workerId;
    }
}
