package ru.frmr.auth.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.client.MachineClient;
import ru.frmr.auth.client.MachineClients;

/** A registry administrator registers, lists and revokes an agency's machine clients (public keys only). */
@RestController
@RequestMapping("/api/auth/agencies/{agencyId}/clients")
class MachineClientController {

    private final MachineClients clients;
    private final String tokenEndpoint;

    MachineClientController(MachineClients clients, @Value("${frmr.auth.oauth.token-endpoint}") String tokenEndpoint) {
        this.clients = clients;
        this.tokenEndpoint = tokenEndpoint;
    }

    /** @param jwks {@code {"keys":[<public JWK>...]}} */
    record RegisterClientRequest(String name, Map<String, Object> jwks, List<String> scopes) {
    }

    record ClientResponse(String clientId, String agencyId, String name, List<String> scopes, List<String> keyIds,
                          String tokenEndpoint, Instant registeredAt, String status, Instant revokedAt) {
    }

    record ClientList(List<ClientResponse> items) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ClientResponse register(Caller caller, @PathVariable String agencyId, @RequestBody RegisterClientRequest request) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        return response(clients.register(agencyId, request.name(), request.jwks(), request.scopes()));
    }

    @GetMapping
    ClientList list(Caller caller, @PathVariable String agencyId) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        return new ClientList(clients.ofAgency(agencyId).stream().map(this::response).toList());
    }

    @PostMapping("/{clientId}/revoke")
    ClientResponse revoke(Caller caller, @PathVariable String agencyId, @PathVariable String clientId) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        return response(clients.revoke(agencyId, clientId));
    }

    private ClientResponse response(MachineClient client) {
        return new ClientResponse(client.clientId(), client.agencyId(), client.name(), client.scopes(),
                client.keyIds(), tokenEndpoint, client.registeredAt(), client.active() ? "ACTIVE" : "REVOKED",
                client.revokedAt());
    }
}
