package ru.frmr.registry.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.web.RegistryClient.ACCREDITATION;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.CERTIFICATE;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.contracts.EventSources;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.registry.query.ChangeAttachmentView;
import ru.frmr.registry.web.RegistryClient;

/**
 * documents-service's {@code DocumentAttached}, published to {@code frmr.documents.events} as its relay would, shows
 * the scan on the change in the moderation queue and in the worker's own list of changes: once however often it is
 * delivered, also when it arrives before the change, never on another worker's change, and still after a replay of
 * the changes' read model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeAttachmentsIT {

    private static final String DB = "registry_attachments_it";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfraAndIssuer(registry, DB);
        registry.add("spring.application.name", () -> "registry-attachments-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventProcessingConfiguration processing;

    private RegistryClient registry;

    @BeforeAll
    void client() {
        registry = new RegistryClient(port);
    }

    @Test
    void theScanShowsOnTheChangeForTheAdministratorAndTheWorkerOnceHoweverOftenDelivered() throws Exception {
        String worker = registry.registerWorker("Смирнова", randomSnils());
        String changeId = registry.submitAndAwaitQueue(TestToken.worker(worker), worker, ACCREDITATION);
        String documentId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        publish(eventId, attached(documentId, worker, changeId, AT));
        publish(eventId, attached(documentId, worker, changeId, AT));
        publish(UUID.randomUUID().toString(), attached(documentId, worker, changeId, AT));

        JsonNode item = awaitQueueItem(changeId, i -> i.get("attachments").size() == 1);
        JsonNode attachment = item.get("attachments").get(0);
        assertThat(attachment.get("documentId").asText()).isEqualTo(documentId);
        assertThat(attachment.get("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(attachment.get("sizeBytes").asLong()).isEqualTo(184_320);
        assertThat(attachment.get("sha256").asText()).isEqualTo(SHA);
        assertThat(Instant.parse(attachment.get("attachedAt").asText())).isEqualTo(AT);
        JsonNode own = ownChange(worker, changeId);
        assertThat(own.get("attachments")).isEqualTo(item.get("attachments"));
        assertThat(mongo.count(Query.query(Criteria.where("changeId").is(changeId)), ChangeAttachmentView.class))
                .isEqualTo(1);

        // A change without any still has the field, empty: old clients keep reading the same JSON.
        String other = registry.submitAndAwaitQueue(TestToken.worker(worker), worker, CERTIFICATE);
        assertThat(ownChange(worker, other).get("attachments")).isEmpty();
    }

    @Test
    void anAttachmentBeforeTheChangeIsShownOnceTheChangeAppearsAndOnlyTheOwnersOne() throws Exception {
        String worker = registry.registerWorker("Ранняя", randomSnils());
        String stranger = registry.registerWorker("Чужая", randomSnils());
        StreamingEventProcessor changes = processing.eventProcessor("profile-changes", StreamingEventProcessor.class)
                .orElseThrow();
        changes.shutDown();
        String changeId;
        String own = UUID.randomUUID().toString();
        String foreign = UUID.randomUUID().toString();
        try {
            changeId = registry.submit(worker, ACCREDITATION);
            publish(UUID.randomUUID().toString(), attached(own, worker, changeId, AT));
            publish(UUID.randomUUID().toString(), attached(foreign, stranger, changeId, AT.plusSeconds(1)));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(own + "@" + changeId,
                    ChangeAttachmentView.class) != null && mongo.findById(foreign + "@" + changeId,
                    ChangeAttachmentView.class) != null);
        } finally {
            changes.start();
        }

        JsonNode item = awaitQueueItem(changeId, i -> i.get("attachments").size() == 1);
        assertThat(item.get("attachments").get(0).get("documentId").asText()).isEqualTo(own);
        assertThat(ownChange(worker, changeId).get("attachments").findValuesAsText("documentId"))
                .containsExactly(own);
    }

    @Test
    void anAttachmentToAnotherWorkersChangeIsIgnored() throws Exception {
        String worker = registry.registerWorker("Своя", randomSnils());
        String stranger = registry.registerWorker("Чужая", randomSnils());
        String changeId = registry.submitAndAwaitQueue(TestToken.worker(worker), worker, ACCREDITATION);
        String strangersChange = registry.submitAndAwaitQueue(TestToken.worker(stranger), stranger, CERTIFICATE);
        String strangersDocument = UUID.randomUUID().toString();

        // Same document, so the same partition: once the second shows, the first has been handled.
        publish(UUID.randomUUID().toString(), attached(strangersDocument, stranger, changeId, AT));
        publish(UUID.randomUUID().toString(), attached(strangersDocument, stranger, strangersChange, AT));

        awaitQueueItem(strangersChange, i -> i.get("attachments").size() == 1);
        assertThat(mongo.findById(strangersDocument + "@" + changeId, ChangeAttachmentView.class)).isNull();
        assertThat(awaitQueueItem(changeId, i -> true).get("attachments")).isEmpty();
    }

    @Test
    void attachmentsSurviveAReplayOfTheChangesReadModel() throws Exception {
        String worker = registry.registerWorker("Повторова", randomSnils());
        String changeId = registry.submitAndAwaitQueue(TestToken.worker(worker), worker, ACCREDITATION);
        String documentId = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), attached(documentId, worker, changeId, AT));
        awaitQueueItem(changeId, i -> i.get("attachments").size() == 1);

        StreamingEventProcessor changes = processing.eventProcessor("profile-changes", StreamingEventProcessor.class)
                .orElseThrow();
        changes.shutDown();
        changes.resetTokens();
        changes.start();

        assertThat(awaitQueueItem(changeId, i -> i.get("attachments").size() == 1).get("attachments").get(0)
                .get("documentId").asText()).isEqualTo(documentId);
    }

    private static DocumentAttached attached(String documentId, String owner, String changeId, Instant at) {
        return new DocumentAttached(documentId, "account-" + owner, owner, DocumentPurpose.PROFILE_CHANGE, changeId,
                null, "image/jpeg", 184_320, SHA, at);
    }

    private static void publish(String eventId, DocumentAttached event) {
        KafkaTestEvents.publish(Topics.DOCUMENTS_EVENTS, EventSources.DOCUMENTS, eventId, event, "account:worker");
    }

    private JsonNode awaitQueueItem(String changeId, Predicate<JsonNode> ready) {
        JsonNode[] found = new JsonNode[1];
        registry.awaitJson(bearer(ADMIN), "/api/registry/moderation/queue?size=100", queue -> {
            for (JsonNode item : queue.get("items")) {
                if (item.get("changeId").asText().equals(changeId) && ready.test(item)) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private JsonNode ownChange(String worker, String changeId) throws Exception {
        JsonNode changes = RegistryClient.JSON.readTree(registry.get(bearer(TestToken.worker(worker)),
                "/api/registry/workers/" + worker + "/changes").body());
        for (JsonNode change : changes) {
            if (change.get("changeId").asText().equals(changeId)) {
                return change;
            }
        }
        throw new AssertionError("no change " + changeId + " in " + changes);
    }
}
