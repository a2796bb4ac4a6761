package ru.frmr.contracts.registry;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * A medical worker's record was created in the registry. Carries the name (public in the register),
 * never SNILS, birth date or contacts.
 */
public record WorkerRegistered(String workerId, String lastName, String firstName, String middleName,
                               Instant registeredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return workerId;
    }
}
