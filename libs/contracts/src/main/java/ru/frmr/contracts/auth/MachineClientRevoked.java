package ru.frmr.contracts.auth;

import ru.frmr.contracts.IntegrationEvent;

/** Internal: an agency's machine client was revoked; it gets no more tokens (those issued live out their minutes). */
public record MachineClientRevoked(String clientId, String agencyId) implements IntegrationEvent {

    @Override
    public String subject() {
        return clientId;
    }
}
