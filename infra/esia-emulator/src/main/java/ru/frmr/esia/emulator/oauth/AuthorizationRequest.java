package ru.frmr.esia.emulator.oauth;

import java.util.List;

import ru.frmr.esia.emulator.client.RegisteredClient;

/** A checked request of the authorization endpoint, waiting for the person to sign in. */
public record AuthorizationRequest(RegisteredClient client, String redirectUri, List<String> scopes, String state) {

    public AuthorizationRequest {
        scopes = List.copyOf(scopes);
    }

    Grant grantFor(Authentication authentication) {
        return new Grant(client.id(), authentication.oid(), authentication.sid(), scopes,
                authentication.authTime());
    }
}
