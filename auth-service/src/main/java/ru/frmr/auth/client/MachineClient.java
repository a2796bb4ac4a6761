package ru.frmr.auth.client;

import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * An agency's registered machine client.
 *
 * @param keys      its public keys, as registered
 * @param revokedAt when it was revoked, or null while active
 */
public record MachineClient(String clientId, String agencyId, String name, List<String> scopes, JWKSet keys,
                            Instant registeredAt, Instant revokedAt) {

    public MachineClient {
        scopes = List.copyOf(scopes);
    }

    public boolean active() {
        return revokedAt == null;
    }

    public List<String> keyIds() {
        return keys.getKeys().stream().map(k -> k.getKeyID()).toList();
    }
}
