package ru.frmr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import ru.frmr.infra.embedded.jwt.BadToken;
import ru.frmr.infra.embedded.jwt.TestToken;

/** Access tokens and role rules at the edge: what is turned away never reaches a service. */
class SecurityIT extends GatewayTestSupport {

    @Test
    void aRequestWithoutATokenIsAnUnauthorizedProblemAndIsNotRouted() throws Exception {
        String path = uniqueWorkerPath();
        HttpResponse<String> response = send(anonymous(path));

        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(DownstreamStub.get().received(path)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(BadToken.class)
    void everyKindOfBadTokenIsAnUnauthorizedProblemAndIsNotRouted(BadToken kind) throws Exception {
        String path = uniqueWorkerPath();
        HttpResponse<String> response = send(anonymous(path)
                .header("Authorization", "Bearer " + ISSUER.mint(kind, caller)));

        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(DownstreamStub.get().received(path)).isFalse();
    }

    @Test
    void aMalformedAuthorizationHeaderIsAnUnauthorizedProblem() throws Exception {
        String path = uniqueWorkerPath();
        assertProblem(send(anonymous(path).header("Authorization", "Bearer not a token")), 401, "unauthorized");
        assertThat(DownstreamStub.get().received(path)).isFalse();
    }

    @Test
    void aValidTokenIsPassedOnForTheServiceToCheckAgain() throws Exception {
        String token = ISSUER.mint(TestToken.worker("w-1"));
        String path = uniqueWorkerPath();
        HttpResponse<String> response = send(anonymous(path).header("Authorization", "Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(DownstreamStub.get().lastReceived().header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void roleRulesAreForbiddenProblemsAndAreNotRouted() throws Exception {
        TestToken worker = TestToken.worker("w-1");
        String audit = "/api/audit/entries/" + UUID.randomUUID();

        assertProblem(send(request(audit, worker)), 403, "forbidden");
        assertProblem(send(request("/api/registry/workers", worker).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 403, "forbidden");
        assertThat(DownstreamStub.get().received(audit)).isFalse();
        // Whose record a worker may read is the registry's decision, not the gateway's.
        assertThat(send(request(uniqueWorkerPath(), worker)).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUDITOR", "SUPERVISOR", "REGISTRY_ADMIN"})
    void theAuditLogIsOpenToItsReaders(String role) throws Exception {
        assertThat(send(request("/api/audit/entries", TestToken.withRoles(role))).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/esia/login", "/api/auth/.well-known/jwks.json", "/api/registry/public/search",
            "/api/registry/dictionaries", "/api/registry/dictionaries/specialties"})
    void loginKeySetPublicRegisterAndCodeListsAreReachableWithoutAToken(String path) throws Exception {
        assertThat(send(anonymous(path)).statusCode()).isEqualTo(200);
        assertThat(DownstreamStub.get().received(path)).isTrue();
    }

    @Test
    void anAgencyClientsTokenIsAcceptedWhereTheRoleRulesAllowAndRefusedWhereNot() throws Exception {
        TestToken client = TestToken.agencyClient("cl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        String token = ISSUER.mint(client, java.util.Map.of("client_id", client.subject(), "agency_id",
                "ag-abcdefghijkl", "agency_kind", "ROSZDRAVNADZOR", "scope", "registry.read webhooks.manage"));
        String path = uniqueWorkerPath();

        // No session (sid) and no person: the edge asks only for a valid token here; the service decides.
        assertThat(send(anonymous(path).header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(200);
        assertThat(DownstreamStub.get().lastReceived().header("Authorization")).isEqualTo("Bearer " + token);
        String audit = "/api/audit/entries/" + UUID.randomUUID();
        assertProblem(send(anonymous(audit).header("Authorization", "Bearer " + token)), 403, "forbidden");
        assertThat(DownstreamStub.get().received(audit)).isFalse();
        assertProblem(send(anonymous("/api/registry/workers").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))), 403,
                "forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/.well-known/oauth-authorization-server", "/api/registry/openapi.json",
            "/api/auth/openapi.json", "/api/documents/openapi.json"})
    void theOAuthMetadataAndTheOpenApiDocumentsAreReachableWithoutAToken(String path) throws Exception {
        assertThat(send(anonymous(path)).statusCode()).isEqualTo(200);
        assertThat(DownstreamStub.get().received(path)).isTrue();
    }

    @Test
    void aMachineClientsTokenRequestNeedsNoBearerToken() throws Exception {
        HttpResponse<String> response = send(anonymous("/api/auth/oauth/token")
                .header("Authorization", "Bearer " + ISSUER.mint(BadToken.EXPIRED, caller))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(DownstreamStub.get().lastReceived().uri()).isEqualTo("/api/auth/oauth/token");
    }

    @Test
    void aStaleTokenDoesNotBlockATokenRefresh() throws Exception {
        String expired = ISSUER.mint(BadToken.EXPIRED, caller);
        HttpResponse<String> response = send(anonymous("/api/auth/token").header("Authorization", "Bearer " + expired)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(DownstreamStub.get().lastReceived().uri()).isEqualTo("/api/auth/token");
    }

    private static String uniqueWorkerPath() {
        return "/api/registry/workers/" + UUID.randomUUID();
    }
}
