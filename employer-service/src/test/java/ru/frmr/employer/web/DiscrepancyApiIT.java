package ru.frmr.employer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ru.frmr.employer.calendar.DueDates;
import ru.frmr.employer.query.EmploymentLookup;
import ru.frmr.employer.query.EmploymentSummary;
import ru.frmr.infra.embedded.ServiceSmokeChecks;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.openapi.OpenApiCoverage;

/**
 * The due-date endpoint and the discrepancy endpoints' answers to bad input, on the real Mongo wire server and
 * broker: 400 problems naming the field, 404 for an employment that is not the caller's or a discrepancy of
 * another organisation, and the calendar's known-until gauge. Also what the kit gives every service (probes,
 * metrics, problem+json), checked in this context rather than in one of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class DiscrepancyApiIT {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = "org-5";
    private static final String WORKER = "w-" + UUID.randomUUID();
    private static final String EMPLOYMENT = "emp-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri("employer_discrepancy_api_it"));
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
    }

    @TestConfiguration
    static class Employments {

        @Bean
        @Primary
        EmploymentLookup testEmployments() {
            return id -> EMPLOYMENT.equals(id) ? Optional.of(new EmploymentSummary(EMPLOYMENT, ORG, WORKER,
                    "THERAPIST", "Терапевтическое отделение", new BigDecimal("1.0"), "MAIN", "ТД-17",
                    LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 3), null)) : Optional.empty();
        }
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void servesOnlyWhatTheKitGivesEveryService() {
        ServiceSmokeChecks checks = new ServiceSmokeChecks(port, managementPort, ISSUER);
        checks.probesAreUp();
        checks.metricsCarryTheServiceTag("employer-service");
        checks.metricsAreNotOnTheApiPort();
        checks.onlyOperationalEndpointsAreExposed();
        checks.anonymousRequestsAreUnauthorizedProblems();
        checks.unknownRoutesAreNotFoundProblems();
        checks.metricsInclude("frmr_relay_lag_seconds", "frmr_axon_processor_lag_seconds",
                "frmr_relay_published_total", "frmr_relay_failures_total", "frmr_consumer_events_total",
                "frmr_consumer_dead_lettered_total", "kafka_producer_record_send_total",
                "kafka_consumer_fetch_manager_records_lag_max", "jvm_memory_used_bytes",
                "process_start_time_seconds", "frmr_access_outbox_pending", "frmr_access_relay_published_total",
                "frmr_access_relay_failures_total", "http_server_requests_seconds_bucket",
                "frmr_employer_calendar_known_until_seconds", "frmr_employer_discrepancies_overdue_open",
                "frmr_employer_discrepancies_overdue_total", "frmr_employer_link_requests_expiry_total");
    }

    @Test
    void theDueDateOfTheIssuesExample() throws Exception {
        JsonNode body = get("/api/employer/calendar/due-date?from=2026-02-19&workingDays=3", worker()).body();
        assertThat(body.get("dueDate").asText()).isEqualTo("2026-02-25");
        assertThat(body.get("countsAsFiledOn").asText()).isEqualTo("2026-02-19");
        assertThat(body.get("provisional").asBoolean()).isFalse();
        assertThat(body.get("calendarKnownUntil").asText()).isEqualTo("2026-12-31");
        JsonNode afterHours = get("/api/employer/calendar/due-date?from=2026-02-19T18:30:00%2B03:00&workingDays=3",
                worker()).body();
        assertThat(afterHours.get("dueDate").asText()).isEqualTo("2026-02-26");
        JsonNode provisional = get("/api/employer/calendar/due-date?from=2030-06-10&workingDays=3", worker()).body();
        assertThat(provisional.get("dueDate").asText()).isEqualTo("2030-06-14");
        assertThat(provisional.get("provisional").asBoolean()).isTrue();
    }

    @Test
    void badDueDateQueriesAreProblemsNamingTheField() throws Exception {
        assertProblem(get("/api/employer/calendar/due-date?from=19.02.2026&workingDays=3", worker()), 400, "from");
        assertProblem(get("/api/employer/calendar/due-date?workingDays=3", worker()), 400, "from");
        assertProblem(get("/api/employer/calendar/due-date?from=1999-12-31&workingDays=3", worker()), 400, "from");
        assertProblem(get("/api/employer/calendar/due-date?from=2026-02-30&workingDays=3", worker()), 400, "from");
        for (String days : new String[] {"0", "61", "abc", "-1"}) {
            assertProblem(get("/api/employer/calendar/due-date?from=2026-02-19&workingDays=" + days, worker()), 400,
                    "workingDays");
        }
        assertProblem(get("/api/employer/calendar/due-date?from=2026-02-19", worker()), 400, "workingDays");
        assertThat(get("/api/employer/calendar/due-date?from=2026-02-19&workingDays=60", worker()).status())
                .isEqualTo(200);
        assertThat(get("/api/employer/calendar/due-date?from=2026-02-19&workingDays=3", null).status())
                .isEqualTo(401);
    }

    @Test
    void theCalendarSaysUntilWhenItIsKnown() throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + managementPort + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        long expected = ZonedDateTime.of(2026, 12, 31, 0, 0, 0, 0, DueDates.ZONE).toEpochSecond();
        double value = metrics.body().lines()
                .filter(line -> line.startsWith("frmr_employer_calendar_known_until_seconds{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no known-until gauge"));
        assertThat((long) value).isEqualTo(expected);
    }

    @Test
    void aDiscrepancyNeedsTheCallersOwnEmployment() throws Exception {
        Map<String, String> body = Map.of("organizationId", ORG, "employmentId", EMPLOYMENT, "field", "RATE",
                "recordedValue", "1.0", "correctValue", "0.5");
        assertThat(post("/api/employer/me/discrepancies", worker(), body).status()).isEqualTo(201);
        Response foreign = post("/api/employer/me/discrepancies", ISSUER.mint(TestToken.worker("w-other")), body);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().get("detail").asText()).contains("employmentId");
        Response otherOrganisation = post("/api/employer/me/discrepancies", worker(), Map.of("organizationId",
                "org-6", "employmentId", EMPLOYMENT, "field", "RATE", "recordedValue", "1.0", "correctValue", "0.5"));
        assertThat(otherOrganisation.status()).isEqualTo(404);
    }

    @Test
    void badDiscrepanciesAreProblemsNamingTheField() throws Exception {
        assertProblem(post("/api/employer/me/discrepancies", worker(), Map.of("organizationId", ORG,
                "employmentId", EMPLOYMENT, "field", "SALARY", "recordedValue", "1", "correctValue", "2")), 400,
                "field");
        assertProblem(post("/api/employer/me/discrepancies", worker(), Map.of("organizationId", ORG,
                "employmentId", EMPLOYMENT, "field", "RATE", "recordedValue", " ", "correctValue", "2")), 400,
                "recordedValue");
        assertProblem(post("/api/employer/me/discrepancies", worker(), Map.of("organizationId", ORG,
                "employmentId", EMPLOYMENT, "field", "RATE", "recordedValue", "1.0", "correctValue", "1.0")), 422,
                "correctValue");
        assertProblem(get("/api/employer/me/discrepancies?status=LOST", worker()), 400, "status");
        assertProblem(get("/api/employer/organizations/" + ORG + "/discrepancies?size=101", hr(ORG)), 400, "size");
        assertProblem(get("/api/employer/supervision/discrepancies?page=-1",
                ISSUER.mint(TestToken.withRoles("SUPERVISOR"))), 400, "page");
    }

    @Test
    void anotherOrganisationsDiscrepancyIsNotFound() throws Exception {
        Response raised = post("/api/employer/me/discrepancies", worker(), Map.of("organizationId", ORG,
                "employmentId", EMPLOYMENT, "field", "DEPARTMENT", "recordedValue", "Хирургия",
                "correctValue", "Терапия"));
        String id = raised.body().get("discrepancyId").asText();
        Response answer = post("/api/employer/organizations/org-6/discrepancies/" + id + "/answer", hr("org-6"),
                Map.of("outcome", "CORRECTED", "explanation", "Исправлено"));
        Response unknown = post("/api/employer/organizations/" + ORG + "/discrepancies/" + UUID.randomUUID()
                + "/answer", hr(ORG), Map.of("outcome", "CORRECTED", "explanation", "Исправлено"));
        // Another organisation's and an unknown one read alike: HR learns nothing of other organisations' ids.
        for (Response notFound : List.of(answer, unknown)) {
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.body().get("detail").asText()).startsWith("discrepancyId:");
        }
        assertThat(answer.body().get("detail")).isEqualTo(unknown.body().get("detail"));
        assertProblem(post("/api/employer/organizations/" + ORG + "/discrepancies/" + id + "/answer", hr(ORG),
                Map.of("outcome", "IGNORED", "explanation", "x")), 400, "outcome");
        Response ok = post("/api/employer/organizations/" + ORG + "/discrepancies/" + id + "/answer", hr(ORG),
                Map.of("outcome", "CORRECTED", "explanation", "Исправлено"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("late").asBoolean()).isFalse();
        assertProblem(post("/api/employer/organizations/" + ORG + "/discrepancies/" + id + "/answer", hr(ORG),
                Map.of("outcome", "EXPLAINED", "explanation", "Ещё раз")), 409, "discrepancyId");
    }

    private static String worker() {
        return ISSUER.mint(TestToken.worker(WORKER));
    }

    private static String hr(String org) {
        return ISSUER.mint(TestToken.withRoles("EMPLOYER_HR").withOrgId(org), Map.of("org_basis", "ADMIN"));
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().toString()).contains("\"" + field + "\"");
    }

    private record Response(int status, String contentType, JsonNode body) {
    }

    private Response get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private Response post(String path, String token, Map<String, String> body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private static Response send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping openApiHandlers;

    /** The OpenAPI 3.1 document: served without a token, listing every handler of the service. */
    @Test
    void theOpenApiDocumentIsPublicAndCoversEveryHandler() {
        OpenApiCoverage.verify(URI.create("http://127.0.0.1:" + port + "/api/employer/openapi.json"), openApiHandlers);
    }
}
