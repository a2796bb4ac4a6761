package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.assertProblem;
import static ru.frmr.registry.web.RegistryClient.bearer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.contracts.EventSources;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.auth.AccountStatusChanged;
import ru.frmr.contracts.auth.ActivationRequested;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.registry.command.SnilsIndex;
import ru.frmr.registry.consumer.KafkaTestEvents;
import ru.frmr.registry.query.ActivationRequestView;

/**
 * auth-service's {@code ActivationRequested}, published on its topic, lands once in the registry administrators'
 * queue, which lists open requests oldest first with the way to activate the account, and drops a request when
 * auth-service reports the account's new status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivationQueueIT {

    private static final String DB = "registry_activation_queue_it";
    private static final String QUEUE = "/api/registry/admin/activation-requests";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfraAndIssuer(registry, DB);
        // Consumer groups are named after the application. Test contexts stay alive side by side in one JVM, so
        // a name of its own keeps this context's consumers from sharing partitions with another context's.
        registry.add("spring.application.name", () -> "registry-activation-queue-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SnilsIndex index;

    private RegistryClient registry;

    @BeforeEach
    void connect() {
        registry = new RegistryClient(port);
    }

    @Test
    void aRequestIsQueuedOnceListedWithItsActivationLinkAndLeavesWhenTheAccountIsActivated() throws Exception {
        String snils = "12345678964";
        String account = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), new AccountProvisioned(account, true, "1000299801", "Орлова", "Нина",
                null, LocalDate.of(1980, 1, 2), "F", snils, null, null, Instant.now(), null, null, null));
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String requestId = UUID.randomUUID().toString();
        ActivationRequested request = new ActivationRequested(account, requestedAt);
        publish(requestId, request);
        publish(requestId, request); // redelivered

        JsonNode item = awaitItem(account, i -> !i.path("workerId").isNull());
        String workerId = index.find(snils).orElseThrow();
        assertThat(item.get("requestId").asText()).isEqualTo(requestId);
        assertThat(Instant.parse(item.get("requestedAt").asText())).isEqualTo(requestedAt);
        assertThat(item.get("workerId").asText()).isEqualTo(workerId);
        assertThat(item.at("/activate/method").asText()).isEqualTo("POST");
        assertThat(item.at("/activate/href").asText()).isEqualTo("/api/auth/accounts/" + account + "/activate");
        assertThat(item.at("/account/href").asText()).isEqualTo("/api/auth/accounts/" + account);
        assertThat(item.at("/record/href").asText()).isEqualTo("/api/registry/workers/" + workerId);
        assertThat(item.toString()).doesNotContain(snils).doesNotContain("Орлова").doesNotContain("1980-01-02");
        assertThat(mongo.getCollection(ActivationRequestView.COLLECTION)
                .countDocuments(new Document("accountId", account))).isEqualTo(1);

        // Still waiting for confirmation is no resolution; an activation is.
        publish(UUID.randomUUID().toString(), new AccountStatusChanged(account, "NEEDS_CONFIRMATION", "BLOCKED",
                requestedAt.plusSeconds(1)));
        String activated = UUID.randomUUID().toString();
        publish(activated, new AccountStatusChanged(account, "ACTIVE", "NEEDS_CONFIRMATION",
                requestedAt.plusSeconds(2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(openAccountIds()).doesNotContain(account));
        Document resolved = mongo.getCollection(ActivationRequestView.COLLECTION)
                .find(new Document("_id", requestId)).first();
        assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
        assertThat(resolved.getString("resolution")).isEqualTo("ACTIVE");

        // A status change is no news for a request made after it: that one stays open.
        String later = UUID.randomUUID().toString();
        publish(later, new ActivationRequested(account, requestedAt.plusSeconds(10)));
        publish(activated, new AccountStatusChanged(account, "ACTIVE", "NEEDS_CONFIRMATION",
                requestedAt.plusSeconds(2))); // the activation delivered again
        awaitItem(account, i -> i.get("requestId").asText().equals(later));
    }

    @Test
    void openRequestsComeOldestFirstInPages() throws Exception {
        Instant base = Instant.parse("2020-01-01T00:00:00Z"); // older than any other test's requests
        String newer = UUID.randomUUID().toString();
        String older = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), new ActivationRequested(newer, base.plusSeconds(60)));
        publish(UUID.randomUUID().toString(), new ActivationRequested(older, base));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(openAccountIds()).contains(newer, older));

        JsonNode first = JSON.readTree(registry.get(bearer(ADMIN), QUEUE + "?page=0&size=1").body());
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.at("/items/0/accountId").asText()).isEqualTo(older);
        assertThat(first.at("/items/0/workerId").isNull()).as("no record linked to this account").isTrue();
        assertThat(first.at("/items/0/record").isNull()).isTrue();
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode second = JSON.readTree(registry.get(bearer(ADMIN), QUEUE + "?page=1&size=1").body());
        assertThat(second.at("/items/0/accountId").asText()).isEqualTo(newer);
        List<String> all = JSON.readTree(registry.get(bearer(ADMIN), QUEUE + "?size=100").body()).get("items")
                .findValuesAsText("requestedAt");
        assertThat(all).isSortedAccordingTo((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));
    }

    @Test
    void onlyRegistryAdministratorsSeeTheQueueAndPagingIsBounded() throws Exception {
        assertProblem(registry.get(bearer(TestToken.worker(UUID.randomUUID().toString())), QUEUE), 403, null);
        assertProblem(registry.get(bearer(TestToken.withRoles("SUPERVISOR")), QUEUE), 403, null);
        assertThat(registry.anonymousGet(QUEUE).statusCode()).isEqualTo(401);
        assertProblem(registry.get(bearer(ADMIN), QUEUE + "?size=1000"), 400, "size");
        assertProblem(registry.get(bearer(ADMIN), QUEUE + "?page=-1"), 400, "page");
        assertProblem(registry.get(bearer(ADMIN), QUEUE + "?page=x"), 400, "page");
        assertThat(registry.get(bearer(ADMIN), QUEUE).statusCode()).isEqualTo(200);
    }

    private JsonNode awaitItem(String accountId, Predicate<JsonNode> ready) {
        JsonNode[] holder = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> r = registry.get(bearer(ADMIN), QUEUE + "?size=100");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode match = null;
            for (JsonNode item : JSON.readTree(r.body()).get("items")) {
                if (item.get("accountId").asText().equals(accountId)) {
                    assertThat(match).as("one open request per account here: " + r.body()).isNull();
                    match = item;
                }
            }
            assertThat(match).as(r.body()).isNotNull();
            assertThat(ready.test(match)).as(r.body()).isTrue();
            holder[0] = match;
        });
        return holder[0];
    }

    private List<String> openAccountIds() throws Exception {
        return JSON.readTree(registry.get(bearer(ADMIN), QUEUE + "?size=100").body()).get("items")
                .findValuesAsText("accountId");
    }

    private static void publish(String eventId, IntegrationEvent event) {
        KafkaTestEvents.publish(Topics.AUTH_EVENTS, EventSources.AUTH, eventId, event, "anonymous");
    }
}
