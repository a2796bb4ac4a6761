package ru.frmr.employer.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * Medical organisations through the REST API on the real broker and the Mongo wire server: the fixture at start
 * (and once only), an administrator's registrations and corrections, refusals that name the field and leave nothing
 * behind, the chief's grants and revocations of the HR right, and every integration event checked against its schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MedicalOrganizationsIT {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/employer/organizations";
    private static KafkaConsumer<String, byte[]> events;
    private static final List<CloudEvent> SEEN = new ArrayList<>();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri("employer_organizations_it"));
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
    }

    @BeforeAll
    static void subscribe() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "organizations-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        events = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        events.subscribe(List.of(Topics.EMPLOYER_EVENTS));
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    OrganizationFixture fixture;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoTemplate mongo;

    private final String admin = ISSUER.mint(TestToken.withRoles("REGISTRY_ADMIN"));
    private final String worker = ISSUER.mint(TestToken.worker("w-1"));

    @Test
    void theFixtureIsLoadedAtStartAndASecondLoadChangesNothing() throws Exception {
        JsonNode card = awaitOrganization("gp-1-moscow");
        assertThat(card.path("ogrn").asText()).isEqualTo("1027700543210");
        assertThat(card.path("regionName").asText()).isEqualTo("Москва");
        awaitOrganization("podolsk-gkb");

        assertThat(fixture.load("organizations/medical-organizations-v1.json")).isZero();

        for (String id : List.of("gp-1-moscow", "podolsk-gkb", "spb-gkb-2")) {
            assertThat(registrations(id)).as(id).isEqualTo(1);
            assertThat(awaitEvents(id, EventTypes.MEDICAL_ORGANIZATION_REGISTERED, 1)).hasSize(1);
        }
    }

    @Test
    void aFixtureLoadInterruptedHalfwayEndsWithEachOrganisationOnce() throws Exception {
        awaitOrganization("gp-1-moscow");
        // As if the start had stopped after the organisations, before the edition was recorded.
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), OrganizationFixture.COLLECTION);

        assertThat(fixture.load("organizations/medical-organizations-v1.json")).isZero();
        assertThat(fixture.load("organizations/medical-organizations-v1.json")).isZero();

        assertThat(registrations("spb-gkb-2")).isEqualTo(1);
        assertThat(mongo.findById("medical-organizations", OrganizationFixture.Loaded.class,
                OrganizationFixture.COLLECTION)).extracting(OrganizationFixture.Loaded::version).isEqualTo(1);
    }

    @Test
    void anAdministratorRegistersAndCorrectsAnOrganisation() throws Exception {
        String ogrn = "1027700132195";
        HttpResponse<String> created = call("POST", API, admin, card("ГБУЗ «Городская поликлиника № 7»", ogrn,
                "7707083893", null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String id = body.path("id").asText();
        assertThat(created.headers().firstValue("Location")).contains(API + "/" + id);
        assertThat(body.path("version").asLong()).isEqualTo(1);
        assertThat(body.path("regionName").asText()).isEqualTo("Москва");
        assertThat(body.path("frmoId").asText()).isEqualTo("1.2.643.5.1.13.13.12.2.77.7830");

        awaitOrganization(id);
        JsonNode found = JSON.readTree(call("GET", API + "?q=" + enc("ПОЛИКЛИНИКА № 7") + "&regionCode=77", worker,
                null).body());
        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("id").asText()).isEqualTo(id);
        assertThat(JSON.readTree(call("GET", API + "?q=" + ogrn, worker, null).body()).path("total").asLong())
                .isEqualTo(1);
        assertThat(JSON.readTree(call("GET", API + "?q=" + enc("поликлиника № 7") + "&regionCode=50", worker, null)
                .body()).path("total").asLong()).isZero();

        HttpResponse<String> corrected = call("PUT", API + "/" + id, admin,
                card("ГБУЗ «Городская поликлиника № 7 ДЗМ»", ogrn, "7707083893", 1L));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(JSON.readTree(corrected.body()).path("version").asLong()).isEqualTo(2);

        HttpResponse<String> stale = call("PUT", API + "/" + id, admin,
                card("ГБУЗ «Поликлиника № 7»", ogrn, "7707083893", 1L));
        assertProblem(stale, 409, "version");

        CloudEvent registered = awaitEvents(id, EventTypes.MEDICAL_ORGANIZATION_REGISTERED, 1).get(0);
        CloudEvent correction = awaitEvents(id, EventTypes.MEDICAL_ORGANIZATION_CORRECTED, 1).get(0);
        assertThat(ContractSchemas.violations(registered.getType(), registered.getData().toBytes())).isEmpty();
        assertThat(ContractSchemas.violations(correction.getType(), correction.getData().toBytes())).isEmpty();
        assertThat(JSON.readTree(correction.getData().toBytes()).path("version").asLong()).isEqualTo(2);
        assertThat(JSON.readTree(correction.getData().toBytes()).path("name").asText())
                .isEqualTo("ГБУЗ «Городская поликлиника № 7 ДЗМ»");
    }

    @Test
    void anOgrnBelongsToOneOrganisationAndACorrectionMovesIt() throws Exception {
        String first = "1027700229193";
        String second = "1027739609391";
        String id = JSON.readTree(call("POST", API, admin, card("ООО «Клиника Первая»", first, "7736207543", null))
                .body()).path("id").asText();

        assertProblem(call("POST", API, admin, card("ООО «Клиника Двойник»", first, "7736207543", null)), 409,
                "ogrn");

        awaitOrganization(id);
        HttpResponse<String> moved = call("PUT", API + "/" + id, admin,
                card("ООО «Клиника Первая»", second, "7736207543", 1L));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(mongo.findById(first, OgrnClaims.Claim.class, OgrnClaims.COLLECTION)).isNull();
        assertThat(mongo.findById(second, OgrnClaims.Claim.class, OgrnClaims.COLLECTION))
                .extracting(OgrnClaims.Claim::organizationId).isEqualTo(id);

        HttpResponse<String> reused = call("POST", API, admin, card("ООО «Клиника Вторая»", first, "7736207543",
                null));
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(201);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        String ogrn = "1027700070518";
        long before = mongo.count(new org.springframework.data.mongodb.core.query.Query(), "domainevents");

        assertProblem(call("POST", API, admin, card("ГБУЗ «Больница»", "1027700070519", "7736050003", null)), 422,
                "ogrn");
        assertProblem(call("POST", API, admin, card("ГБУЗ «Больница»", ogrn, "7736050004", null)), 422, "inn");
        Map<String, Object> badKpp = card("ГБУЗ «Больница»", ogrn, "7736050003", null);
        badKpp.put("kpp", "77360100");
        assertProblem(call("POST", API, admin, badKpp), 422, "kpp");
        Map<String, Object> badRegion = card("ГБУЗ «Больница»", ogrn, "7736050003", null);
        badRegion.put("regionCode", "00");
        assertProblem(call("POST", API, admin, badRegion), 422, "regionCode");
        Map<String, Object> badFrmo = card("ГБУЗ «Больница»", ogrn, "7736050003", null);
        badFrmo.put("frmoId", "1.2.643.5.1.13.13.12.2.50.100");
        assertProblem(call("POST", API, admin, badFrmo), 422, "frmoId");
        Map<String, Object> noAddress = card("ГБУЗ «Больница»", ogrn, "7736050003", null);
        noAddress.remove("address");
        assertProblem(call("POST", API, admin, noAddress), 400, "address");
        assertProblem(call("PUT", API + "/gp-1-moscow", admin, card("ГБУЗ", ogrn, "7736050003", null)), 400,
                "version");
        assertProblem(call("GET", API + "?size=101", worker, null), 400, "size");
        assertProblem(call("GET", API + "?regionCode=00", worker, null), 400, "regionCode");

        // A correction of an organisation that does not exist: the ОГРН it claimed first is given back.
        HttpResponse<String> unknown = call("PUT", API + "/no-such-org", admin, card("ГБУЗ «Больница»", ogrn,
                "7736050003", 1L));
        assertNotFound(unknown, "orgId");

        assertThat(mongo.findById(ogrn, OgrnClaims.Claim.class, OgrnClaims.COLLECTION)).isNull();
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "domainevents"))
                .isEqualTo(before);
        assertThat(call("POST", API, worker, card("ГБУЗ «Больница»", ogrn, "7736050003", null)).statusCode())
                .isEqualTo(403);
        assertNotFound(call("GET", API + "/no-such-org", worker, null), "orgId");
    }

    @Test
    void theChiefGrantsAndRevokesTheHrRightOnceEach() throws Exception {
        awaitOrganization("podolsk-gkb");
        String chiefAccount = UUID.randomUUID().toString();
        String chief = ISSUER.mint(TestToken.withRoles("EMPLOYER_HR", "WORKER").withSubject(chiefAccount)
                .withOrgId("podolsk-gkb"), Map.of("org_basis", "CHIEF"));
        String clerk = UUID.randomUUID().toString();
        String rights = API + "/podolsk-gkb/hr-rights";

        assertThat(call("PUT", rights + "/" + clerk, chief, null).statusCode()).isEqualTo(204);
        assertThat(call("PUT", rights + "/" + clerk, chief, null).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode held = JSON.readTree(call("GET", rights, chief, null).body());
            assertThat(held.path("grants").findValuesAsText("accountId")).contains(clerk);
        });
        assertThat(call("DELETE", rights + "/" + clerk, chief, null).statusCode()).isEqualTo(204);
        assertThat(call("DELETE", rights + "/" + clerk, chief, null).statusCode()).isEqualTo(204);
        assertProblem(call("PUT", rights + "/not%20an%20id", chief, null), 400, "accountId");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode held = JSON.readTree(call("GET", rights, chief, null).body());
            assertThat(held.path("grants").findValuesAsText("accountId")).doesNotContain(clerk);
            List<String> mine = new ArrayList<>();
            held.path("history").forEach(line -> {
                if (line.path("accountId").asText().equals(clerk)) {
                    mine.add(line.path("action").asText() + " by " + line.path("by").asText());
                }
            });
            assertThat(mine).containsExactly("GRANTED by " + chiefAccount, "REVOKED by " + chiefAccount);
        });

        CloudEvent granted = awaitEvent("podolsk-gkb", EventTypes.HR_RIGHT_GRANTED, clerk);
        CloudEvent revoked = awaitEvent("podolsk-gkb", EventTypes.HR_RIGHT_REVOKED, clerk);
        for (CloudEvent e : List.of(granted, revoked)) {
            assertThat(ContractSchemas.violations(e.getType(), e.getData().toBytes())).isEmpty();
        }
        long grantedVersion = JSON.readTree(granted.getData().toBytes()).path("version").asLong();
        assertThat(JSON.readTree(revoked.getData().toBytes()).path("version").asLong()).isEqualTo(grantedVersion + 1);
        assertThat(SEEN).filteredOn(e -> e.getType().equals(EventTypes.HR_RIGHT_GRANTED)
                && new String(e.getData().toBytes(), StandardCharsets.UTF_8).contains(clerk)).hasSize(1);

        String foreignChief = ISSUER.mint(TestToken.withRoles("EMPLOYER_HR").withOrgId("no-such-org"),
                Map.of("org_basis", "CHIEF"));
        assertNotFound(call("PUT", API + "/no-such-org/hr-rights/" + clerk, foreignChief, null), "orgId");
        assertNotFound(call("DELETE", API + "/no-such-org/hr-rights/" + clerk, foreignChief, null), "orgId");
    }

    private long registrations(String organizationId) {
        return eventStore.readEvents(organizationId).asStream()
                .filter(e -> e.getPayload() instanceof ru.frmr.employer.api.MedicalOrganizationRegisteredEvent)
                .count();
    }

    private JsonNode awaitOrganization(String id) throws Exception {
        List<JsonNode> card = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> response = call("GET", API + "/" + id, worker, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            card.add(JSON.readTree(response.body()));
        });
        return card.get(card.size() - 1);
    }

    private static List<CloudEvent> awaitEvents(String subject, String type, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            poll();
            assertThat(of(subject, type)).hasSizeGreaterThanOrEqualTo(atLeast);
        });
        // Anything the relay could still send (a duplicate) would be out within this pause.
        pauseAndPoll();
        return of(subject, type);
    }

    private static CloudEvent awaitEvent(String subject, String type, String containing) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            poll();
            assertThat(of(subject, type)).anyMatch(e -> new String(e.getData().toBytes(), StandardCharsets.UTF_8)
                    .contains(containing));
        });
        pauseAndPoll();
        return of(subject, type).stream().filter(e -> new String(e.getData().toBytes(), StandardCharsets.UTF_8)
                .contains(containing)).findFirst().orElseThrow();
    }

    private static synchronized void poll() {
        events.poll(Duration.ofMillis(200)).forEach(r -> SEEN.add(KafkaMessageFactory.createReader(r).toEvent()));
    }

    private static void pauseAndPoll() {
        for (int i = 0; i < 5; i++) {
            poll();
        }
    }

    private static List<CloudEvent> of(String subject, String type) {
        return SEEN.stream().filter(e -> subject.equals(e.getSubject()) && type.equals(e.getType())).toList();
    }

    private static Map<String, Object> card(String name, String ogrn, String inn, Long version) {
        Map<String, Object> card = new java.util.LinkedHashMap<>();
        card.put("name", name);
        card.put("ogrn", ogrn);
        card.put("inn", inn);
        card.put("kpp", "773601001");
        card.put("frmoId", "1.2.643.5.1.13.13.12.2.77.7830");
        card.put("regionCode", "77");
        card.put("address", "г. Москва, ул. Вавилова, д. 19");
        if (version != null) {
            card.put("version", version);
        }
        return card;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsText("field")).contains(field);
    }

    /** A 404 problem that names the field, as the employer API's 404s do, in the detail's first word. */
    private static void assertNotFound(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("detail").asText()).startsWith(field + ":");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
