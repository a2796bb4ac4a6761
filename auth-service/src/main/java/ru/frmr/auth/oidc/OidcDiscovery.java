package ru.frmr.auth.oidc;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;

/** The parts of an OpenID Provider's discovery document this client uses. */
record OidcDiscovery(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri, URI userinfoEndpoint,
                     URI endSessionEndpoint) {

    static OidcDiscovery from(JsonNode document) {
        return new OidcDiscovery(document.path("issuer").asText(null),
                uri(document, "authorization_endpoint"), uri(document, "token_endpoint"),
                uri(document, "jwks_uri"), uri(document, "userinfo_endpoint"), uri(document, "end_session_endpoint"));
    }

    boolean isComplete() {
        return issuer != null && authorizationEndpoint != null && tokenEndpoint != null && jwksUri != null;
    }

    private static URI uri(JsonNode document, String field) {
        String value = document.path(field).asText(null);
        return value == null ? null : URI.create(value);
    }
}
