package ru.frmr.esia.emulator.oauth;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.frmr.esia.emulator.client.ClientRegistry;
import ru.frmr.esia.emulator.client.RegisteredClient;

/**
 * Checks a request of the authorization endpoint in two steps, because an error may be sent back to the client
 * only once the client and its redirect URI are known to be genuine; before that it is shown to the person.
 */
@Component
public class AuthorizationRequests {

    private static final Set<String> ACCESS_TYPES = Set.of("online", "offline");

    private final ClientRegistry clients;
    private final ClientAuthentication authentication;

    AuthorizationRequests(ClientRegistry clients, ClientAuthentication authentication) {
        this.clients = clients;
        this.authentication = authentication;
    }

    /** The registered client whose registered {@code redirect_uri} the request names. */
    public RegisteredClient client(Map<String, String> parameters) {
        Params params = new Params(parameters);
        String clientId = params.required("client_id");
        RegisteredClient client = clients.find(clientId).orElseThrow(() -> EsiaException.unknownClient(clientId));
        if (!client.allowsRedirectTo(params.optional("redirect_uri"))) {
            throw EsiaException.redirectUriNotRegistered(clientId);
        }
        return client;
    }

    /** The rest of the checks; an error here goes back to the client's redirect URI. */
    public AuthorizationRequest validate(RegisteredClient client, Map<String, String> parameters) {
        Params params = new Params(parameters);
        SignedRequest signed = SignedRequest.from(params, "");
        if (!"code".equals(params.required("response_type"))) {
            throw EsiaException.invalidRequest("response_type must be code");
        }
        if (!ACCESS_TYPES.contains(params.required("access_type"))) {
            throw EsiaException.invalidRequest("access_type must be online or offline");
        }
        authentication.authenticate(client, signed);
        List<String> scopes = Scopes.parse(signed.scope());
        if (!client.allowsScopes(scopes)) {
            throw EsiaException.invalidScope("no grants for scope " + signed.scope() + " to client " + client.id());
        }
        return new AuthorizationRequest(client, signed.redirectUri(), scopes, signed.state());
    }
}
