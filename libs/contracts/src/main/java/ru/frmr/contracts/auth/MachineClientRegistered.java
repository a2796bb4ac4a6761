package ru.frmr.contracts.auth;

import java.util.List;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a registry administrator registered a machine client of a supervisory agency (client-credentials grant
 * with {@code private_key_jwt}). Never its keys.
 *
 * @param scopes what the client may ask a token for: {@code registry.read}, {@code webhooks.manage},
 *               {@code audit.read}
 */
public record MachineClientRegistered(String clientId, String agencyId, List<String> scopes)
        implements IntegrationEvent {

    public MachineClientRegistered {
        scopes = List.copyOf(scopes);
    }

    @Override
    public String subject() {
        return clientId;
    }
}
