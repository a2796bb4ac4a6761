package ru.frmr.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * Every endpoint that acts for an organisation, called by the HR officer (even the chief) of another organisation,
 * and by a worker acting on somebody else's record: each answers 403 problem+json, before any body is read. The list
 * is the whole employer API under {@code /organizations/{orgId}}; a new endpoint there belongs in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestOrganizations.class)
class CrossOrganizationAccessIT {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ORG = "/api/employer/organizations/org-a";
    private static final String WORKER = ORG + "/workers/w-1";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri("employer_cross_org_it"));
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
    }

    @LocalServerPort
    int port;

    static Stream<List<String>> organizationEndpoints() {
        return Stream.of(
                List.of("PUT", ORG),
                List.of("GET", ORG + "/hr-rights"),
                List.of("PUT", ORG + "/hr-rights/acc-1"),
                List.of("DELETE", ORG + "/hr-rights/acc-1"),
                List.of("POST", ORG + "/link-requests"),
                List.of("GET", ORG + "/link-requests"),
                List.of("POST", WORKER + "/link-requests/r-1/accept"),
                List.of("POST", WORKER + "/link-requests/r-1/decline"),
                List.of("GET", ORG + "/staff"),
                List.of("GET", ORG + "/staff.csv"),
                List.of("GET", WORKER + "/employments"),
                List.of("POST", WORKER + "/employments"),
                List.of("POST", WORKER + "/employments/e-1/changes"),
                List.of("POST", WORKER + "/employments/e-1/dismissal"),
                List.of("GET", ORG + "/discrepancies"),
                List.of("POST", ORG + "/discrepancies/d-1/answer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("organizationEndpoints")
    void anotherOrganisationsHrIsRefused(List<String> endpoint) throws Exception {
        String otherChief = ISSUER.mint(TestToken.withRoles("EMPLOYER_HR").withOrgId("org-b"),
                Map.of("org_basis", "CHIEF"));

        HttpResponse<String> response = call(endpoint, otherChief);

        assertThat(response.statusCode()).as(endpoint + " " + response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("organizationEndpoints")
    void aWorkerOfAnotherRecordIsRefused(List<String> endpoint) throws Exception {
        String otherWorker = ISSUER.mint(TestToken.worker("w-2"));

        assertThat(call(endpoint, otherWorker).statusCode()).as(endpoint.toString()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("organizationEndpoints")
    void anHrOfficerWhoIsNotTheChiefCannotGrantTheHrRight(List<String> endpoint) throws Exception {
        String admin = ISSUER.mint(TestToken.withRoles("EMPLOYER_HR").withOrgId("org-a"), Map.of("org_basis", "ADMIN"));

        int status = call(endpoint, admin).statusCode();

        if (endpoint.get(1).contains("/hr-rights") || endpoint.get(0).equals("PUT") && endpoint.get(1).equals(ORG)) {
            assertThat(status).as(endpoint.toString()).isEqualTo(403);
        } else {
            assertThat(status).as(endpoint.toString()).isNotIn(401, 403);
        }
    }

    private HttpResponse<String> call(List<String> endpoint, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + endpoint.get(1)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(endpoint.get(0), HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
