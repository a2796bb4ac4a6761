package ru.frmr.employer.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.employer.TestOrganizations;
import ru.frmr.employer.api.EmployerResponseOverdueEvent;
import ru.frmr.employer.calendar.DueDates;
import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * Discrepancy deadlines end to end, with the real Kafka broker and Mongo wire server: a discrepancy's due date is
 * the calendar endpoint's for its filing instant; a test clock moved past it gets exactly one
 * EmployerResponseOverdue onto Kafka, the supervisors' queue and the worker's list show it, across a restart of
 * the service and with two instances sweeping at the same time; a late answer is still taken.
 */
class DiscrepancyOverdueIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    private static final String ORG = TestOrganizations.ORG_A;
    /** Thursday 19 February 2026, 11:00 Moscow: due Wednesday 25 February (23 February is a holiday). */
    private static final LocalDateTime FILED = LocalDateTime.of(2026, 2, 19, 11, 0);
    private static final LocalDate DUE = LocalDate.of(2026, 2, 25);

    private final MutableClock clock = new MutableClock(moscow(FILED));
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
    private KafkaConsumer<String, byte[]> consumer;
    private String workerId;
    private String employmentId;

    @BeforeEach
    void subscribe() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "discrepancy-overdue-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.EMPLOYER_EVENTS));
        workerId = UUID.randomUUID().toString();
        employmentId = "emp-" + UUID.randomUUID();
        EmployerReplica.employs(employmentId, ORG, workerId);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
        consumer.close();
    }

    private EmployerReplica start(String name, String database) {
        EmployerReplica replica = EmployerReplica.start(name, database, clock, ISSUER);
        running.add(replica);
        return replica;
    }

    @Test
    void overdueOnceAcrossARestartAndALateAnswerIsTaken() throws Exception {
        EmployerReplica first = start("replica-a", "employer_discrepancy_it");
        JsonNode raised = raise(first);
        String discrepancy = raised.get("discrepancyId").asText();
        assertThat(raised.get("status").asText()).isEqualTo("OPEN");
        assertThat(raised.get("dueDate").asText()).isEqualTo(DUE.toString());
        JsonNode endpoint = get(first, "/api/employer/calendar/due-date?workingDays=3&from="
                + URLEncoder.encode(raised.get("filedAt").asText(), StandardCharsets.UTF_8), worker()).body;
        assertThat(endpoint.get("dueDate").asText()).isEqualTo(raised.get("dueDate").asText());
        assertThat(endpoint.get("countsAsFiledOn").asText()).isEqualTo(raised.get("countsAsFiledOn").asText());
        assertThat(endpoint.get("provisional").asBoolean()).isFalse();
        awaitScheduled(first, discrepancy);
        assertThat(item(first, "/api/employer/organizations/" + ORG + "/discrepancies", hr(), discrepancy)
                .get("dueDate").asText()).isEqualTo(DUE.toString());

        first.close();
        EmployerReplica restarted = start("replica-a", "employer_discrepancy_it");

        // The last minute of the due date: not overdue yet.
        clock.set(moscow(DUE.atTime(23, 59)));
        awaitSweeps(List.of(restarted), 3);
        assertThat(overdueOnKafka(discrepancy)).isEmpty();
        assertThat(item(restarted, "/api/employer/me/discrepancies", worker(), discrepancy).get("overdue")
                .asBoolean()).isFalse();

        clock.set(moscow(DUE.plusDays(1).atStartOfDay()).plusSeconds(1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(overdueOnKafka(discrepancy))
                .hasSize(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode queued = item(restarted, "/api/employer/supervision/discrepancies", supervisor(), discrepancy);
            assertThat(queued.get("organization").get("name").asText()).isEqualTo(TestOrganizations.CARD_A.name());
            assertThat(queued.get("status").asText()).isEqualTo("OVERDUE");
            JsonNode mine = item(restarted, "/api/employer/me/discrepancies", worker(), discrepancy);
            assertThat(mine.get("status").asText()).isEqualTo("OVERDUE");
            assertThat(mine.get("overdue").asBoolean()).isTrue();
            assertThat(item(restarted, "/api/employer/organizations/" + ORG + "/discrepancies?status=OVERDUE", hr(),
                    discrepancy).get("overdue").asBoolean()).isTrue();
        });

        // A regional authority sees the queue of its region's organisations only (ORG is in 77), a supervisor of no
        // known agency nothing; each worker shown is on the access log, with the queue's fixed purpose.
        JsonNode inRegion = item(restarted, "/api/employer/supervision/discrepancies", regional("77"), discrepancy);
        assertThat(inRegion.get("workerId").asText()).isEqualTo(workerId);
        for (String outside : List.of(regional("50"), ISSUER.mint(TestToken.withRoles("SUPERVISOR")))) {
            JsonNode page = get(restarted, "/api/employer/supervision/discrepancies", outside).body;
            assertThat(page.get("items")).isEmpty();
            assertThat(page.get("total").asLong()).isZero();
        }
        assertThat(accessRecordOf(workerId, agencyOf("77")).get("purpose").asText())
                .isEqualTo("надзор за просроченными расхождениями");

        // An answer after the due date is still taken, and marked late.
        Response answer = post(restarted, "/api/employer/organizations/" + ORG + "/discrepancies/" + discrepancy
                + "/answer", hr(), Map.of("outcome", "CORRECTED", "explanation", "Должность исправлена"));
        assertThat(answer.status).as(answer.body.toString()).isEqualTo(200);
        assertThat(answer.body.get("late").asBoolean()).isTrue();

        awaitQuiet(discrepancy, List.of(restarted));
        assertExactlyOnce(restarted, discrepancy);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode mine = item(restarted, "/api/employer/me/discrepancies", worker(), discrepancy);
            assertThat(mine.get("status").asText()).isEqualTo("ANSWERED");
            assertThat(mine.get("late").asBoolean()).isTrue();
            assertThat(mine.get("escalated").asBoolean()).isTrue();
        });
    }

    @Test
    void twoInstancesSweepingAtOnceEscalateOnce() throws Exception {
        EmployerReplica a = start("replica-a", "employer_discrepancy_pair_it");
        EmployerReplica b = start("replica-b", "employer_discrepancy_pair_it");
        String discrepancy = raise(b).get("discrepancyId").asText();
        awaitScheduled(a, discrepancy);

        clock.set(moscow(DUE.plusDays(1).atTime(9, 0)));
        // Besides their scheduled sweeps (one at a time under the lock), both replicas sweep at the very same
        // moment without it: the discrepancy alone must keep the escalation single.
        sweepTogetherWithoutTheLock(a, b);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(overdueOnKafka(discrepancy))
                .isNotEmpty());
        sweepTogetherWithoutTheLock(a, b);

        Response answer = post(a, "/api/employer/organizations/" + ORG + "/discrepancies/" + discrepancy
                + "/answer", hr(), Map.of("outcome", "EXPLAINED", "explanation", "Запись верна"));
        assertThat(answer.status).isEqualTo(200);
        awaitQuiet(discrepancy, List.of(a, b));
        assertExactlyOnce(a, discrepancy);
    }

    // --- the API ---

    private JsonNode raise(EmployerReplica replica) throws Exception {
        Response response = post(replica, "/api/employer/me/discrepancies", worker(), Map.of(
                "organizationId", ORG, "employmentId", employmentId, "field", "POSITION",
                "recordedValue", "Врач-терапевт", "correctValue", "Врач-кардиолог"));
        assertThat(response.status).as(response.body.toString()).isEqualTo(201);
        return response.body;
    }

    private String worker() {
        return ISSUER.mint(TestToken.worker(workerId));
    }

    private static String hr() {
        return ISSUER.mint(TestToken.withRoles("EMPLOYER_HR").withOrgId(ORG), Map.of("org_basis", "ADMIN"));
    }

    /** A supervisor of a federal agency: one whose token names no agency sees nothing. */
    private static String supervisor() {
        return ISSUER.mint(TestToken.withRoles("SUPERVISOR"), Map.of("agency_id", "ag-cdefghij2345",
                "agency_kind", "ROSZDRAVNADZOR"));
    }

    private static String regional(String region) {
        return ISSUER.mint(TestToken.withRoles("SUPERVISOR"), Map.of("agency_id", agencyOf(region),
                "agency_kind", "REGIONAL_HEALTH_AUTHORITY", "agency_region", region));
    }

    private static String agencyOf(String region) {
        return "77".equals(region) ? "ag-bcdefghi2345" : "ag-abcdefgh2345";
    }

    /** The access record published for this worker and agency (schema-checked), waiting for it. */
    private static JsonNode accessRecordOf(String worker, String agencyId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "discrepancy-access-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> access = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            access.subscribe(List.of(Topics.ACCESS_EVENTS));
            List<JsonNode> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> r : access.poll(Duration.ofMillis(200))) {
                    CloudEvent e = KafkaMessageFactory.createReader(r).toEvent();
                    JsonNode data = JSON.readTree(e.getData().toBytes());
                    if (EventTypes.PERSONAL_DATA_ACCESSED.equals(e.getType()) && worker.equals(e.getSubject())
                            && agencyId.equals(data.at("/actor/agencyId").asText())) {
                        assertThat(ContractSchemas.violations(e.getType(), e.getData().toBytes())).isEmpty();
                        found.add(data);
                    }
                }
                assertThat(found).isNotEmpty();
            });
            assertThat(found.get(0).get("what").asText()).isEqualTo("EMPLOYMENT");
            assertThat(found.get(0).at("/actor/role").asText()).isEqualTo("SUPERVISOR");
            return found.get(0);
        }
    }

    /** The discrepancy's item in a list answer, or a failed assertion. */
    private static JsonNode item(EmployerReplica replica, String path, String token, String discrepancy)
            throws Exception {
        Response response = get(replica, path, token);
        assertThat(response.status).as(response.body.toString()).isEqualTo(200);
        for (JsonNode item : response.body.get("items")) {
            if (item.get("discrepancyId").asText().equals(discrepancy)) {
                return item;
            }
        }
        throw new AssertionError(discrepancy + " not in " + path + ": " + response.body);
    }

    private record Response(int status, JsonNode body) {
    }

    private static Response get(EmployerReplica replica, String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private static Response post(EmployerReplica replica, String path, String token, Map<String, String> body)
            throws Exception {
        return send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private static Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), JSON.readTree(response.body()));
    }

    // --- deadlines and sweeps ---

    private static void awaitScheduled(EmployerReplica replica, String discrepancy) {
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.mongo().getCollection(AnswerDeadline.COLLECTION)
                .countDocuments(new Document("_id", discrepancy).append("settled", false)) == 1);
    }

    private static void awaitSweeps(List<EmployerReplica> replicas, int more) {
        double sweeps = replicas.stream().mapToDouble(EmployerReplica::overdueSweeps).sum();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> replicas.stream().mapToDouble(EmployerReplica::overdueSweeps).sum() >= sweeps + more);
    }

    private static void sweepTogetherWithoutTheLock(EmployerReplica a, EmployerReplica b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> awaitThen(start, a.overdueSweeper()));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> awaitThen(start, b.overdueSweeper()));
        CompletableFuture.allOf(first, second).get();
    }

    private static void awaitThen(CyclicBarrier barrier, OverdueSweeper sweeper) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sweeper.escalateOverdue();
    }

    /**
     * Waits until nothing more can come: the deadline is settled, each running replica has swept twice more since
     * (a chance to escalate again), and the later DiscrepancyAnswered has come through the relay, which publishes
     * in event-store order.
     */
    private void awaitQuiet(String discrepancy, List<EmployerReplica> replicas) {
        await().atMost(Duration.ofSeconds(30)).until(() -> replicas.get(0).mongo()
                .getCollection(AnswerDeadline.COLLECTION)
                .countDocuments(new Document("_id", discrepancy).append("settled", true)) == 1);
        awaitSweeps(replicas, 2 * replicas.size());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(onKafka(discrepancy,
                EventTypes.DISCREPANCY_ANSWERED)).hasSize(1));
    }

    private void assertExactlyOnce(EmployerReplica replica, String discrepancy) {
        List<ConsumerRecord<String, byte[]>> overdue = overdueOnKafka(discrepancy);
        assertThat(overdue).hasSize(1);
        ConsumerRecord<String, byte[]> record = overdue.get(0);
        CloudEvent event = cloudEvent(record);
        assertThat(record.key()).isEqualTo(discrepancy);
        assertThat(ContractSchemas.violations(event.getType(), event.getData().toBytes())).isEmpty();
        JsonNode data = readTree(event.getData().toBytes());
        assertThat(data.get("dueDate").asText()).isEqualTo(DUE.toString());
        assertThat(data.get("organizationId").asText()).isEqualTo(ORG);
        assertThat(data.get("workerId").asText()).isEqualTo(workerId);
        for (String type : List.of(EventTypes.DISCREPANCY_RAISED, EventTypes.DISCREPANCY_ANSWERED)) {
            for (ConsumerRecord<String, byte[]> r : onKafka(discrepancy, type)) {
                CloudEvent e = cloudEvent(r);
                assertThat(ContractSchemas.violations(e.getType(), e.getData().toBytes())).as(type).isEmpty();
                // No free text on the topic: what the worker and HR wrote stays in the service.
                assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8))
                        .doesNotContain("Врач", "Запись верна", "Должность исправлена");
            }
        }
        assertThat(replica.mongo().getCollection("domainevents").countDocuments(
                new Document("aggregateIdentifier", discrepancy)
                        .append("payloadType", EmployerResponseOverdueEvent.class.getName()))).isEqualTo(1);
    }

    private List<ConsumerRecord<String, byte[]>> overdueOnKafka(String discrepancy) {
        return onKafka(discrepancy, EventTypes.EMPLOYER_RESPONSE_OVERDUE);
    }

    private List<ConsumerRecord<String, byte[]>> onKafka(String discrepancy, String type) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        return received.stream().filter(r -> {
            CloudEvent e = cloudEvent(r);
            return discrepancy.equals(e.getSubject()) && type.equals(e.getType());
        }).toList();
    }

    private static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> r) {
        return KafkaMessageFactory.createReader(r).toEvent();
    }

    private static JsonNode readTree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.time.Instant moscow(LocalDateTime time) {
        return time.atZone(DueDates.ZONE).toInstant();
    }
}
