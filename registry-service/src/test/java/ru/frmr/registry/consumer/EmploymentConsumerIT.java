package ru.frmr.registry.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.registry.consumer.KafkaTestEvents.awaitEvent;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventSources;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.employer.ContractKind;
import ru.frmr.contracts.employer.EmployingOrganization;
import ru.frmr.contracts.employer.EmploymentCorrected;
import ru.frmr.contracts.employer.EmploymentEnded;
import ru.frmr.contracts.employer.EmploymentRecorded;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.registry.web.RegistryClient;

/**
 * The employer-service's employment events, published to {@code frmr.employer.events} as that service's relay
 * would, reach the worker's record once however often they are delivered, show in the cabinet, the journal, the
 * public register and FHIR, and go to the dead-letter topic when they can never apply.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmploymentConsumerIT {

    private static final String DB = "registry_employment_it";
    private static final String HR = "account:hr-7";
    private static final LocalDate START = LocalDate.of(2024, 2, 1);
    private static final String RECORDED_TYPE = "ru.frmr.registry.api.EmploymentRecordedEvent";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfraAndIssuer(registry, DB);
        // Consumer groups are named after the application. Test contexts stay alive side by side in one JVM, so
        // a name of its own keeps this context's consumers from sharing partitions with another context's.
        registry.add("spring.application.name", () -> "registry-employment-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private RegistryClient registry;
    private KafkaConsumer<String, byte[]> registryEvents;

    @BeforeAll
    void subscribe() {
        registry = new RegistryClient(port);
        registryEvents = KafkaTestEvents.subscribe("registry-employment-it-", Topics.REGISTRY_EVENTS);
    }

    @AfterAll
    void close() {
        registryEvents.close();
    }

    @Test
    void anEmploymentAppliesOnceHoweverOftenDeliveredAndShowsEverywhere() throws Exception {
        String workerId = registerWorker();
        String org = "org-" + UUID.randomUUID();
        String employment = "emp-" + UUID.randomUUID();
        EmployingOrganization hospital = new EmployingOrganization(org, "ГБУЗ МО «Больница № 7»", "1025000000002", "50");
        EmploymentRecorded recorded = new EmploymentRecorded(employment, workerId, hospital, "Терапевтическое отделение",
                "THERAPIST", new BigDecimal("1.0"), ContractKind.MAIN, START, 1, Instant.now());
        String eventId = UUID.randomUUID().toString();

        publish(eventId, recorded);
        publish(eventId, recorded); // redelivered: the same CloudEvents id
        publish(UUID.randomUUID().toString(), recorded); // published again by the employer: same version, new id

        TestToken worker = TestToken.worker(workerId).validFor(Duration.ofHours(1));
        JsonNode cabinet = registry.awaitJson(bearer(worker), "/api/registry/workers/" + workerId,
                n -> n.path("employments").has(employment));
        JsonNode shown = cabinet.get("employments").get(employment);
        assertThat(shown.get("organizationId").asText()).isEqualTo(org);
        assertThat(shown.get("positionName").asText()).isEqualTo("Врач-терапевт");
        assertThat(shown.get("regionName").asText()).isEqualTo("Московская область");
        assertThat(shown.get("rate").decimalValue()).isEqualByComparingTo("1");
        assertThat(shown.get("startDate").asText()).isEqualTo("2024-02-01");
        assertThat(shown.get("endDate").isNull()).isTrue();

        CloudEvent update = awaitEvent(registryEvents, workerId, EventTypes.PROFILE_UPDATED);
        assertThat(ContractSchemas.violations(update.getType(), update.getData().toBytes())).isEmpty();
        assertThat(JSON.readTree(update.getData().toBytes()).get("sections").get(0).asText()).isEqualTo("EMPLOYMENT");

        // The register lists medical workers only: employment alone does not make one, an approved licence does.
        registry.approve(workerId, registry.submit(workerId, RegistryClient.ACCREDITATION));
        JsonNode found = awaitPublic("/api/registry/public/workers?organization=" + org + "&region=50",
                items -> items.findValuesAsText("workerId").contains(workerId));
        JsonNode employer = found.get(0).get("currentEmployer");
        assertThat(employer.get("name").asText()).isEqualTo("ГБУЗ МО «Больница № 7»");
        assertThat(employer.get("positionCode").asText()).isEqualTo("THERAPIST");
        assertThat(employer.get("since").asText()).isEqualTo("2024-02-01");
        assertThat(found.get(0).get("regionCode").asText()).isEqualTo("50");
        String publicJson = JSON.writeValueAsString(found);
        assertThat(publicJson).doesNotContain("1025000000002").doesNotContain("rate").doesNotContain("1961-02-03");

        HttpResponse<String> role = registry.anonymousGet("/fhir/PractitionerRole/" + workerId);
        assertThat(role.statusCode()).as(role.body()).isEqualTo(200);
        JsonNode roleJson = JSON.readTree(role.body());
        assertThat(roleJson.at("/organization/identifier/value").asText()).isEqualTo(org);
        assertThat(roleJson.at("/organization/display").asText()).isEqualTo("ГБУЗ МО «Больница № 7»");
        assertThat(roleJson.at("/period/start").asText()).isEqualTo("2024-02-01");
        assertThat(roleJson.at("/code/0/coding/0/code").asText()).isEqualTo("THERAPIST");


        // A transfer, then the end; each arrives behind the duplicates above on the employment's partition.
        publish(UUID.randomUUID().toString(), new EmploymentCorrected(employment, workerId, hospital, null,
                "CARDIOLOGIST", new BigDecimal("0.5"), ContractKind.MAIN, START, 2, Instant.now()));
        LocalDate lastDay = LocalDate.now().minusDays(1);
        EmploymentEnded ended = new EmploymentEnded(employment, workerId, org, lastDay, 3, Instant.now());
        String endId = UUID.randomUUID().toString();
        publish(endId, ended);
        publish(endId, ended);

        JsonNode after = registry.awaitJson(bearer(worker), "/api/registry/workers/" + workerId,
                n -> !n.at("/employments/" + employment + "/endDate").isNull()
                        && !n.at("/employments/" + employment + "/endDate").isMissingNode());
        JsonNode past = after.get("employments").get(employment);
        assertThat(past.get("endDate").asText()).isEqualTo(lastDay.toString());
        assertThat(past.get("positionName").asText()).isEqualTo("Врач-кардиолог");
        assertThat(past.get("version").asLong()).isEqualTo(3);

        assertThat(storedEvents(workerId, RECORDED_TYPE)).as("recorded once").isEqualTo(1);
        assertThat(storedEvents(workerId, "ru.frmr.registry.api.EmploymentCorrectedEvent")).isEqualTo(1);
        assertThat(storedEvents(workerId, "ru.frmr.registry.api.EmploymentEndedEvent")).isEqualTo(1);

        awaitPublic("/api/registry/public/workers?organization=" + org,
                items -> !items.findValuesAsText("workerId").contains(workerId));
        JsonNode whole = registry.awaitJson(bearer(worker), "/api/registry/workers/" + workerId + "/journal",
                n -> employmentEntries(n).size() == 3);
        JsonNode journal = JSON.valueToTree(employmentEntries(whole));
        assertThat(journal.findValuesAsText("action")).containsExactly("RECORDED", "CORRECTED", "ENDED");
        assertThat(journal.findValuesAsText("entryId")).containsOnly(employment);
        assertThat(journal.findValuesAsText("actor")).containsOnly(HR);
    }

    /**
     * Who saw the record: an administrator states a purpose or gets 400 naming it; the read is published on
     * {@code frmr.access.events}; a regional authority opens only the workers employed in its region.
     */
    @Test
    void readsByOthersNeedAPurposeAreOnTheAccessLogAndARegionalAuthoritySeesOnlyItsRegion() throws Exception {
        String snils = randomSnils();
        // A surname no other test registers: the lookup by name must find this worker alone.
        String surname = "Кузнецова" + java.util.stream.IntStream.range(0, 6).mapToObj(i -> String.valueOf(
                (char) ('а' + java.util.concurrent.ThreadLocalRandom.current().nextInt(32)))).collect(
                java.util.stream.Collectors.joining());
        String workerId = registry.registerWorker(Map.of("lastName", surname, "firstName", "Вера",
                "birthDate", "1961-02-03", "snils", snils, "email", "v@example.ru"));
        String employment = "emp-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), new EmploymentRecorded(employment, workerId,
                new EmployingOrganization("org-" + UUID.randomUUID(), "ГБУЗ МО «Больница № 9»", "1025000000002",
                        "50"), null, "THERAPIST", BigDecimal.ONE, ContractKind.MAIN, START, 1, Instant.now()));
        registry.awaitJson(bearer(TestToken.worker(workerId)), "/api/registry/workers/" + workerId,
                n -> n.path("employments").has(employment));
        String path = "/api/registry/workers/" + workerId;
        String admin = bearer(RegistryClient.ADMIN);

        HttpResponse<String> withoutPurpose = RegistryClient.send(java.net.http.HttpRequest.newBuilder(
                registry.url(path)).header("Authorization", admin).GET());
        RegistryClient.assertProblem(withoutPurpose, 400, "purpose");

        HttpResponse<String> stated = RegistryClient.send(java.net.http.HttpRequest.newBuilder(
                registry.url(path + "?purpose=" + java.net.URLEncoder.encode("Жалоба пациента № 4",
                        java.nio.charset.StandardCharsets.UTF_8))).header("Authorization", admin).GET());
        assertThat(stated.statusCode()).as(stated.body()).isEqualTo(200);
        try (KafkaConsumer<String, byte[]> access = KafkaTestEvents.subscribe("registry-access-it-",
                Topics.ACCESS_EVENTS)) {
            CloudEvent read = awaitEvent(access, workerId, EventTypes.PERSONAL_DATA_ACCESSED);
            assertThat(ContractSchemas.violations(read.getType(), read.getData().toBytes())).isEmpty();
            JsonNode event = JSON.readTree(read.getData().toBytes());
            assertThat(event.get("accessId").asText()).isEqualTo(read.getId());
            assertThat(event.at("/actor/role").asText()).isEqualTo("REGISTRY_ADMIN");
            assertThat(event.get("what").asText()).isEqualTo("RECORD");
            assertThat(event.get("purpose").asText()).isEqualTo("Жалоба пациента № 4");
            assertThat(event.get("service").asText()).isEqualTo("registry-employment-it");
            assertThat(new String(read.getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("Больница").doesNotContain("1961-02-03");
        }

        TestToken supervisor = TestToken.withRoles("SUPERVISOR");
        String regional50 = "Bearer " + RegistryClient.ISSUER.mint(supervisor, Map.of("agency_id", "ag-abcdefgh2345",
                "agency_kind", "REGIONAL_HEALTH_AUTHORITY", "agency_region", "50"));
        String regional77 = "Bearer " + RegistryClient.ISSUER.mint(supervisor, Map.of("agency_id", "ag-bcdefghi2345",
                "agency_kind", "REGIONAL_HEALTH_AUTHORITY", "agency_region", "77"));
        String federal = "Bearer " + RegistryClient.ISSUER.mint(supervisor, Map.of("agency_id", "ag-cdefghij2345",
                "agency_kind", "ROSZDRAVNADZOR"));
        assertThat(registry.get(regional50, path).statusCode()).isEqualTo(200);
        RegistryClient.assertProblem(registry.get(regional77, path), 404, null);
        assertThat(registry.get(federal, path).statusCode()).isEqualTo(200);
        RegistryClient.assertProblem(RegistryClient.send(java.net.http.HttpRequest.newBuilder(registry.url(path))
                .header("Authorization", regional50).GET()), 400, "purpose");

        // The lookup shows names and birth dates: a purpose, one access record per person shown, and a regional
        // authority finds (and counts) only the workers employed in its region, by name and by СНИЛС alike.
        String byName = "/api/registry/workers?q=" + java.net.URLEncoder.encode(surname,
                java.nio.charset.StandardCharsets.UTF_8);
        String bySnils = "/api/registry/workers?q=" + snils;
        for (String lookup : List.of(byName, bySnils)) {
            JsonNode inRegion = JSON.readTree(registry.get(regional50, lookup).body());
            assertThat(inRegion.get("items").findValuesAsText("id")).containsExactly(workerId);
            assertThat(inRegion.get("total").asLong()).isEqualTo(1);
            JsonNode outside = JSON.readTree(registry.get(regional77, lookup).body());
            assertThat(outside.get("items")).isEmpty();
            assertThat(outside.get("total").asLong()).isZero();
            assertThat(JSON.readTree(registry.get(federal, lookup).body()).get("total").asLong()).isEqualTo(1);
        }
        String noAgency = "Bearer " + RegistryClient.ISSUER.mint(supervisor);
        assertThat(JSON.readTree(registry.get(noAgency, byName).body()).get("total").asLong()).isZero();
        RegistryClient.assertProblem(RegistryClient.send(java.net.http.HttpRequest.newBuilder(registry.url(byName))
                .header("Authorization", regional50).GET()), 400, "purpose");
        RegistryClient.assertProblem(RegistryClient.send(java.net.http.HttpRequest.newBuilder(registry.url(bySnils))
                .header("Authorization", admin).GET()), 400, "purpose");
        HttpResponse<String> searched = RegistryClient.send(java.net.http.HttpRequest.newBuilder(
                registry.url(byName + "&purpose=" + java.net.URLEncoder.encode("Проверка лицензии № 12",
                        java.nio.charset.StandardCharsets.UTF_8))).header("Authorization", regional50).GET());
        assertThat(searched.statusCode()).as(searched.body()).isEqualTo(200);
        try (KafkaConsumer<String, byte[]> access = KafkaTestEvents.subscribe("registry-access-it-",
                Topics.ACCESS_EVENTS)) {
            CloudEvent shown = awaitEvent(access, workerId, EventTypes.PERSONAL_DATA_ACCESSED,
                    e -> new String(e.getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8)
                            .contains("Проверка лицензии № 12"));
            assertThat(ContractSchemas.violations(shown.getType(), shown.getData().toBytes())).isEmpty();
            JsonNode event = JSON.readTree(shown.getData().toBytes());
            assertThat(event.at("/actor/role").asText()).isEqualTo("SUPERVISOR");
            assertThat(event.at("/actor/agencyId").asText()).isEqualTo("ag-abcdefgh2345");
            assertThat(event.get("what").asText()).isEqualTo("RECORD");
        }

        // An agency's machine client: with the scope registry.read and within its region, like its people.
        TestToken client = TestToken.agencyClient("cl-abcdefghijklmnop");
        String clientIn50 = "Bearer " + RegistryClient.ISSUER.mint(client, Map.of("client_id", "cl-abcdefghijklmnop",
                "agency_id", "ag-abcdefgh2345", "agency_kind", "REGIONAL_HEALTH_AUTHORITY", "agency_region", "50",
                "scope", "registry.read"));
        String clientIn77 = "Bearer " + RegistryClient.ISSUER.mint(client, Map.of("client_id", "cl-abcdefghijklmnop",
                "agency_id", "ag-bcdefghi2345", "agency_kind", "REGIONAL_HEALTH_AUTHORITY", "agency_region", "77",
                "scope", "registry.read"));
        String withoutScope = "Bearer " + RegistryClient.ISSUER.mint(client, Map.of("client_id", "cl-abcdefghijklmnop",
                "agency_id", "ag-abcdefgh2345", "agency_kind", "REGIONAL_HEALTH_AUTHORITY", "agency_region", "50",
                "scope", "webhooks.manage"));
        assertThat(registry.get(clientIn50, path).statusCode()).isEqualTo(200);
        RegistryClient.assertProblem(registry.get(clientIn77, path), 404, null);
        RegistryClient.assertProblem(registry.get(withoutScope, path), 403, null);
    }

    @Test
    void anEventThatCanNeverApplyGoesToTheDeadLetterTopicAndChangesNothing() throws Exception {
        String workerId = registerWorker();
        EmployingOrganization hospital = new EmployingOrganization("org-dlt", "ГБУЗ ГКБ № 1", "1027700132195", "77");
        String badOgrn = UUID.randomUUID().toString();
        publish(badOgrn, new EmploymentRecorded("emp-" + UUID.randomUUID(), workerId,
                new EmployingOrganization("org-dlt", "ГБУЗ ГКБ № 1", "1027700132194", "77"), null, "THERAPIST",
                BigDecimal.ONE, ContractKind.MAIN, START, 1, Instant.now()));
        String unknownPosition = UUID.randomUUID().toString();
        publish(unknownPosition, new EmploymentRecorded("emp-" + UUID.randomUUID(), workerId, hospital, null,
                "ASTRONAUT", BigDecimal.ONE, ContractKind.MAIN, START, 1, Instant.now()));
        String unknownWorker = UUID.randomUUID().toString();
        publish(unknownWorker, new EmploymentRecorded("emp-" + UUID.randomUUID(), UUID.randomUUID().toString(),
                hospital, null, "THERAPIST", BigDecimal.ONE, ContractKind.MAIN, START, 1, Instant.now()));
        String endOfUnknownEmployment = UUID.randomUUID().toString();
        publish(endOfUnknownEmployment, new EmploymentEnded("emp-" + UUID.randomUUID(), workerId, "org-dlt", START, 2,
                Instant.now()));
        String offSchema = UUID.randomUUID().toString();
        String employment = "emp-" + UUID.randomUUID();
        KafkaTestEvents.publishRaw(Topics.EMPLOYER_EVENTS, EventSources.EMPLOYER, offSchema,
                EventTypes.EMPLOYMENT_RECORDED, employment, """
                {"employmentId":"%s","workerId":"%s","organization":{"id":"org-dlt","name":"ГБУЗ ГКБ № 1",
                 "ogrn":"1027700132195","regionCode":"77"},"positionCode":"THERAPIST","rate":0.3,
                 "contractKind":"MAIN","startDate":"2024-02-01","version":1,"recordedAt":"%s"}"""
                        .formatted(employment, workerId, Instant.now()));

        KafkaTestEvents.awaitDeadLettered(Topics.deadLetterOf(Topics.EMPLOYER_EVENTS),
                List.of(badOgrn, unknownPosition, unknownWorker, endOfUnknownEmployment, offSchema));

        // The consumer goes on: a valid event behind the bad ones applies.
        String good = "emp-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), new EmploymentRecorded(good, workerId, hospital, null, "NURSE",
                new BigDecimal("0.25"), ContractKind.EXTERNAL_PART_TIME, START, 1, Instant.now()));
        TestToken worker = TestToken.worker(workerId).validFor(Duration.ofHours(1));
        JsonNode cabinet = registry.awaitJson(bearer(worker), "/api/registry/workers/" + workerId,
                n -> n.path("employments").has(good));
        assertThat(cabinet.get("employments").size()).isEqualTo(1);
        assertThat(storedEvents(workerId, RECORDED_TYPE)).isEqualTo(1);
    }

    private void publish(String eventId, IntegrationEvent event) {
        KafkaTestEvents.publish(Topics.EMPLOYER_EVENTS, EventSources.EMPLOYER, eventId, event, HR);
    }

    private long storedEvents(String workerId, String payloadType) {
        return mongo.getCollection("domainevents").countDocuments(
                new Document("aggregateIdentifier", workerId).append("payloadType", payloadType));
    }

    private String registerWorker() throws Exception {
        return registry.registerWorker(Map.of("lastName", "Кузнецова", "firstName", "Вера",
                "birthDate", "1961-02-03", "snils", randomSnils(), "email", "v@example.ru"));
    }

    private static List<JsonNode> employmentEntries(JsonNode journal) {
        List<JsonNode> entries = new ArrayList<>();
        journal.forEach(entry -> {
            if ("EMPLOYMENT".equals(entry.path("section").asText())) {
                entries.add(entry);
            }
        });
        return entries;
    }

    /** The items of a public register search, once they satisfy {@code ready}. */
    private JsonNode awaitPublic(String path, Predicate<JsonNode> ready) {
        return registry.awaitJson(null, path, page -> ready.test(page.get("items"))).get("items");
    }
}
