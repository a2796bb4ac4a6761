package ru.frmr.auth.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.auth.client.ClientScopes;
import ru.frmr.auth.token.AccessTokens;

/**
 * The token endpoint for machine clients (RFC 6749 §4.4, client authentication by {@code private_key_jwt} as RFC
 * 7523 §2.2 and OpenID Connect Core §9 define it) and its RFC 8414 metadata. Public: the assertion is the
 * credential. Answers are never cached (RFC 6749 §5.1).
 */
@RestController
class TokenEndpointController {

    private static final String GRANT = "client_credentials";

    private final ClientAssertions assertions;
    private final AccessTokens tokens;
    private final String tokenEndpoint;
    private final String issuer;
    private final String jwksUri;

    TokenEndpointController(ClientAssertions assertions, AccessTokens tokens,
                            @Value("${frmr.auth.oauth.token-endpoint}") String tokenEndpoint,
                            @Value("${frmr.security.issuer:frmr-auth}") String issuer,
                            @Value("${frmr.auth.oauth.jwks-uri}") String jwksUri) {
        this.assertions = assertions;
        this.tokens = tokens;
        this.tokenEndpoint = tokenEndpoint;
        this.issuer = issuer;
        this.jwksUri = jwksUri;
    }

    @PostMapping(path = "/api/auth/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestBody MultiValueMap<String, String> form) {
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            throw OAuthErrors.invalidRequest("grant_type is required");
        }
        if (!GRANT.equals(grantType)) {
            throw OAuthErrors.unsupportedGrantType("grant_type must be client_credentials");
        }
        if (!ClientAssertions.ASSERTION_TYPE.equals(single(form, "client_assertion_type"))) {
            throw OAuthErrors.invalidRequest("client_assertion_type must be " + ClientAssertions.ASSERTION_TYPE);
        }
        ClientAssertions.AuthenticatedClient caller = assertions.authenticate(single(form, "client_assertion"),
                single(form, "client_id"));
        List<String> scopes = ClientAssertions.grantedScopes(caller.client(), single(form, "scope"));
        String token = tokens.issueForClient(caller.client().clientId(), caller.agency().agencyId(),
                caller.agency().kind(), caller.agency().regionCode(), scopes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.ttl().toSeconds());
        body.put("scope", String.join(" ", scopes));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/api/auth/.well-known/oauth-authorization-server")
    Map<String, Object> metadata() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuer);
        body.put("token_endpoint", tokenEndpoint);
        body.put("jwks_uri", jwksUri);
        body.put("grant_types_supported", List.of(GRANT));
        body.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        body.put("token_endpoint_auth_signing_alg_values_supported", List.of("ES256", "RS256", "PS256", "EdDSA"));
        body.put("scopes_supported", ClientScopes.ALL);
        body.put("response_types_supported", List.of());
        return body;
    }

    /** A parameter given once; twice is refused (RFC 6749 §3.2: parameters must not be included more than once). */
    private static String single(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthErrors.invalidRequest(name + " is given more than once");
        }
        return values.get(0);
    }
}
