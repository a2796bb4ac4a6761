package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ru.frmr.contracts.EventTypes;
import ru.frmr.kit.openapi.OpenApiCoverage;

/**
 * A registry administrator registers an agency's machine client with a freshly generated EC key; the client gets
 * a platform token with a signed assertion (client-credentials grant, private_key_jwt) over HTTP; the token verifies
 * against the platform's published keys and carries the agency; a replayed assertion and a revoked client get
 * none. Also the service's OpenAPI document, public and covering every handler.
 */
class MachineClientIT extends AuthIntegrationTest {

    /** frmr.auth.oauth.token-endpoint as application.yml defaults it. */
    private static final String TOKEN_ENDPOINT = "http://localhost:8080/api/auth/oauth/token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void aRegisteredClientGetsAnAgencyTokenWithASignedAssertionOnceAndNotAfterItsRevocation() throws Exception {
        Browser admin = browser("Firefox");
        String adminToken = login(admin, TestPeople.KUZNETSOV_ADMIN).accessToken();
        HttpResponse<String> onboarded = admin.postJson("/api/auth/agencies", "{\"name\":\"Территориальный орган "
                + "Росздравнадзора\",\"kind\":\"REGIONAL_HEALTH_AUTHORITY\",\"regionCode\":\"77\"}", adminToken);
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        String agencyId = Browser.json(onboarded).get("agencyId").asText();
        // The agency registry's read model follows its events: the client side sees the agency once it is there.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/api/auth/agencies/" + agencyId, adminToken).statusCode() == 200);
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("agency-key-1").generate();
        String clients = "/api/auth/agencies/" + agencyId + "/clients";

        assertProblem(admin.postJson(clients, register(key.toJSONString()), adminToken), 400, "validation");
        assertThat(admin.postJson(clients, register(key.toJSONString()), adminToken).body()).contains("\"jwks\"");
        HttpResponse<String> created = admin.postJson(clients, register(key.toPublicJWK().toJSONString()), adminToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode client = Browser.json(created);
        String clientId = client.get("clientId").asText();
        assertThat(clientId).matches("cl-[a-z2-7]{16}");
        assertThat(client.get("keyIds").get(0).asText()).isEqualTo("agency-key-1");
        assertThat(client.get("tokenEndpoint").asText()).isEqualTo(TOKEN_ENDPOINT);
        assertThat(Browser.json(admin.get(clients, adminToken)).get("items").get(0).get("clientId").asText())
                .isEqualTo(clientId);

        String assertion = assertion(clientId, key);
        HttpResponse<String> issued = token(assertion, "webhooks.manage");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        JsonNode answer = Browser.json(issued);
        assertThat(answer.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(answer.get("expires_in").asInt()).isEqualTo(300);
        assertThat(answer.get("scope").asText()).isEqualTo("webhooks.manage");
        JWTClaimsSet claims = verifiedWithPublishedKeys(admin, answer.get("access_token").asText());
        assertThat(claims.getSubject()).isEqualTo(clientId);
        assertThat(claims.getStringListClaim("roles")).containsExactly("AGENCY");
        assertThat(claims.getStringClaim("agency_id")).isEqualTo(agencyId);
        assertThat(claims.getStringClaim("agency_kind")).isEqualTo("REGIONAL_HEALTH_AUTHORITY");
        assertThat(claims.getStringClaim("agency_region")).isEqualTo("77");
        assertThat(claims.getClaim("sid")).isNull();

        HttpResponse<String> replayed = token(assertion, null);
        assertProblem(replayed, 401, "invalid-client");
        assertThat(Browser.json(replayed).get("error").asText()).isEqualTo("invalid_client");
        assertProblem(token(assertion(clientId, key), "audit.read"), 400, "invalid-scope");

        assertThat(admin.post(clients + "/" + clientId + "/revoke", adminToken).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = token(assertion(clientId, key), null);
        assertProblem(revoked, 401, "invalid-client");
        assertThat(Browser.json(revoked).get("error_description").asText()).contains("revoked");
        try (AuthEvents events = new AuthEvents()) {
            assertThat(new String(events.await(clientId, EventTypes.MACHINE_CLIENT_REGISTERED).getData().toBytes(),
                    StandardCharsets.UTF_8)).contains(agencyId).contains("webhooks.manage").doesNotContain("\"x\"");
            events.await(clientId, EventTypes.MACHINE_CLIENT_REVOKED);
        }
    }

    @Test
    void theMetadataAndTheOpenApiDocumentArePublicAndTheDocumentCoversEveryHandler() throws Exception {
        Browser anyone = browser("curl");
        JsonNode metadata = Browser.json(anyone.get(anyone.authBase()
                + "/api/auth/.well-known/oauth-authorization-server"));
        assertThat(metadata.get("token_endpoint").asText()).isEqualTo(TOKEN_ENDPOINT);
        assertThat(metadata.get("token_endpoint_auth_methods_supported").get(0).asText()).isEqualTo("private_key_jwt");

        HttpResponse<String> served = anyone.get(anyone.authBase() + "/api/auth/openapi.json");
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode document = Browser.json(served);
        assertThat(document.get("openapi").asText()).startsWith("3.1");
        assertThat(document.at("/components/securitySchemes/agencyClient/flows/clientCredentials/tokenUrl").asText())
                .isNotBlank();
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(OpenApiCoverage.missingOperations(handlers, document)).isEmpty();
    }

    private HttpResponse<String> token(String assertion, String scope) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        if (scope != null) {
            form.put("scope", scope);
        }
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String assertion(String clientId, ECKey key) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                .audience(TOKEN_ENDPOINT).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet verifiedWithPublishedKeys(Browser browser, String token) throws Exception {
        JWKSet keys = JWKSet.parse(browser.get(browser.authBase() + "/.well-known/jwks.json").body());
        SignedJWT jwt = SignedJWT.parse(token);
        ECKey key = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new ECDSAVerifier(key.toECPublicKey()))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static String register(String jwk) {
        return "{\"name\":\"Интеграция ТО Росздравнадзора\",\"jwks\":{\"keys\":[" + jwk + "]},"
                + "\"scopes\":[\"registry.read\",\"webhooks.manage\"]}";
    }

}
