package ru.frmr.auth.identity;

import java.net.URI;
import java.util.Map;

/**
 * @param redirect the provider's authorization URL, with all parameters
 * @param state    the {@code state} parameter; a fresh random UUID
 * @param secrets  values only the server keeps until the callback (PKCE verifier, nonce)
 */
public record AuthorizationRequest(URI redirect, String state, Map<String, String> secrets) {

    public AuthorizationRequest {
        secrets = Map.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[***]";
    }
}
