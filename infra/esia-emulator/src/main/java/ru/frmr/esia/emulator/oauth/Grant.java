package ru.frmr.esia.emulator.oauth;

import java.time.Instant;
import java.util.List;

/** What a client may have tokens for: one person, in one ESIA session, within these scopes. */
public record Grant(String clientId, long oid, String sid, List<String> scopes, Instant authTime) {

    public Grant {
        scopes = List.copyOf(scopes);
    }

    /** A token request may ask for less than was authorized, never for more. */
    Grant narrowedTo(List<String> requested) {
        if (!scopes.containsAll(requested)) {
            throw EsiaException.invalidScope("scope " + Scopes.format(requested) + " exceeds the authorized scope "
                    + Scopes.format(scopes));
        }
        return new Grant(clientId, oid, sid, requested, authTime);
    }
}
