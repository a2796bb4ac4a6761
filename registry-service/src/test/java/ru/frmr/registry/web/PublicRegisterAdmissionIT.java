package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.web.RegistryClient.ACCREDITATION;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.contracts.EventSources;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.auth.AccountStatusChanged;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.registry.consumer.KafkaTestEvents;

/**
 * The public register and FHIR list medical workers, not everyone who logged in: a fresh record is in neither the
 * register, FHIR search and read, nor the change feed; the first approved education brings the person in (without a
 * right to practise, as {@code status} and {@code active} say); a blocked account takes them out (FHIR read 410, a
 * deletion in the feed), and so does an erasure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicRegisterAdmissionIT {

    private static final String EDUCATION = """
            {"kind":"ADD","entry":{"section":"EDUCATION","institution":"ПМГМУ им. И.М. Сеченова",
             "documentKind":"DIPLOMA","diplomaSeries":"107704","diplomaNumber":"0012345","diplomaDate":"2008-06-30",
             "specialtyCode":"31.05.01","qualification":"Врач-лечебник","levelCode":"HIGHER_SPECIALIST"}}""";
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfraAndIssuer(registry, "registry_public_admission_it");
        // Consumer groups are named after the application. Test contexts stay alive side by side in one JVM, so
        // a group of its own keeps the account status events published here out of other contexts' databases.
        registry.add("spring.application.name", () -> "registry-public-admission-it");
    }

    @LocalServerPort
    int port;

    private RegistryClient registry;

    @BeforeEach
    void connect() {
        registry = new RegistryClient(port);
    }

    @Test
    void aFreshRecordIsNotPublicTheFirstApprovedEducationMakesItPublicAndABlockedAccountTakesItOut()
            throws Exception {
        String snils = randomSnils();
        String fresh = registry.registerWorker("Допускова", snils);
        String control = registry.registerWorker("Контрольная", randomSnils());
        registry.approve(control, registry.submit(control, ACCREDITATION));
        // Projections apply one stream's events in order, and the control's approval came after the fresh
        // registration: once the control is public, the fresh record has been seen and left out.
        awaitListed("контрольная", control);
        awaitInFeed(control);

        assertNotPublic("допускова", fresh);
        assertProblem(registry.anonymousGet("/fhir/Practitioner/" + fresh + "/_history"), 404);
        assertThat(registry.anonymousGet("/fhir/Practitioner/_history?_count=100").body()).doesNotContain(fresh)
                .doesNotContain("Допускова");
        // The cabinet works for them meanwhile.
        TestToken worker = TestToken.worker(fresh).validFor(Duration.ofHours(1));
        registry.awaitJson(bearer(worker), "/api/registry/workers/" + fresh, n -> true);

        registry.approve(fresh, registry.submit(fresh, EDUCATION));
        JsonNode listed = awaitListed("допускова", fresh);
        assertThat(listed.get("status").asText()).as("an education, no licence").isEqualTo("NONE");
        HttpResponse<String> read = registry.anonymousGet("/fhir/Practitioner/" + fresh);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("active").asBoolean()).isFalse();
        assertThat(JSON.readTree(registry.anonymousGet("/fhir/Practitioner?name=" + encode("допускова")).body())
                .get("total").asInt()).isEqualTo(1);
        awaitInFeed(fresh);
        HttpResponse<String> control200 = registry.anonymousGet("/fhir/Practitioner/" + control);
        assertThat(JSON.readTree(control200.body()).get("active").asBoolean()).as("a valid accreditation").isTrue();

        // auth-service blocks the person's account: the registry hears it on the auth topic.
        String accountId = UUID.randomUUID().toString();
        publish(new AccountProvisioned(accountId, true, "1000299800", "Допускова", "Анна", null,
                LocalDate.parse(RegistryClient.BIRTH_DATE), "F", snils, null, null, Instant.now(), null, null, null));
        publish(new AccountStatusChanged(accountId, "BLOCKED", "ACTIVE", Instant.now()));

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(
                registry.anonymousGet("/fhir/Practitioner/" + fresh).statusCode()).isEqualTo(410));
        assertThat(search("допускова").get("total").asLong()).isZero();
        assertProblem(registry.anonymousGet("/fhir/PractitionerRole/" + fresh), 410);
        JsonNode history = JSON.readTree(registry.anonymousGet("/fhir/Practitioner/" + fresh + "/_history").body());
        assertThat(history.at("/entry/0/request/method").asText()).isEqualTo("DELETE");
        assertThat(history.at("/entry/0/resource").isMissingNode()).isTrue();
        assertThat(history.at("/entry/1/request/method").asText()).isEqualTo("POST");
    }

    @Test
    void anErasedWorkerLeavesTheRegisterAndFhirReadAnswersGone() throws Exception {
        String id = registry.registerWorker("Стиралова", randomSnils());
        registry.approve(id, registry.submit(id, ACCREDITATION));
        awaitListed("стиралова", id);
        awaitInFeed(id);

        HttpResponse<String> erased = registry.delete(bearer(ADMIN), "/api/registry/workers/" + id + "/personal-data",
                "{\"reason\":\"Заявление работника\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            HttpResponse<String> read = registry.anonymousGet("/fhir/Practitioner/" + id);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(410);
            assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/fhir+json"));
            assertThat(JSON.readTree(read.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
        });
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode history = JSON.readTree(registry.anonymousGet("/fhir/Practitioner/" + id + "/_history").body());
            assertThat(history.get("entry")).hasSize(1);
            assertThat(history.at("/entry/0/request/method").asText()).isEqualTo("DELETE");
        });
        assertThat(search("стиралова").get("total").asLong()).isZero();
        assertThat(registry.anonymousGet("/fhir/Practitioner/_history?_count=100").body()).doesNotContain("Стиралова");
        assertProblem(registry.anonymousGet("/fhir/Practitioner/" + UUID.randomUUID()), 404);
    }

    private void assertNotPublic(String name, String id) throws Exception {
        assertThat(search(name).get("total").asLong()).isZero();
        assertThat(JSON.readTree(registry.anonymousGet("/fhir/Practitioner?name=" + encode(name)).body())
                .get("total").asInt()).isZero();
        assertProblem(registry.anonymousGet("/fhir/Practitioner/" + id), 404);
        assertProblem(registry.anonymousGet("/fhir/PractitionerRole/" + id), 404);
    }

    private JsonNode awaitListed(String name, String id) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode items = search(name).get("items");
            assertThat(items.findValuesAsText("workerId")).containsExactly(id);
            found[0] = items.get(0);
        });
        return found[0];
    }

    private void awaitInFeed(String id) {
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(
                registry.anonymousGet("/fhir/Practitioner/" + id + "/_history").statusCode()).isEqualTo(200));
    }

    private JsonNode search(String name) throws Exception {
        HttpResponse<String> found = registry.anonymousGet("/api/registry/public/workers?q=" + encode(name));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return JSON.readTree(found.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void publish(IntegrationEvent event) {
        KafkaTestEvents.publish(Topics.AUTH_EVENTS, EventSources.AUTH, UUID.randomUUID().toString(), event, "system");
    }
}
