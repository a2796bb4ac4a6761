package ru.frmr.contracts.registry;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a registry administrator erased a worker's personal data (crypto-shredding). Ids only: a service
 * that keeps its own copy of this worker's personal data should erase it too. Who ordered it travels in the
 * CloudEvent's {@code actor}.
 */
public record PersonalDataErased(String workerId, Instant erasedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return workerId;
    }
}
