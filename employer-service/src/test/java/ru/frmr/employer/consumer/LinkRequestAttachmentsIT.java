package ru.frmr.employer.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.employer.EmployerClient.expect;
import static ru.frmr.employer.EmployerClient.hr;
import static ru.frmr.employer.EmployerClient.worker;
import static ru.frmr.employer.TestOrganizations.ORG_A;
import static ru.frmr.employer.TestOrganizations.ORG_B;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.frmr.contracts.Topics;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.employer.EmployerClient;
import ru.frmr.employer.query.LinkRequestAttachmentView;
import ru.frmr.employer.web.StaffApiSupport;

/**
 * documents-service's {@code DocumentAttached} (purpose LINK_REQUEST), published to {@code frmr.documents.events} as
 * its relay would, shows the contract on the worker's link request in HR's list and in the worker's own: once however
 * often delivered, also when it arrives before the request, never on a request of another worker or organisation.
 */
class LinkRequestAttachmentsIT extends StaffApiSupport {

    private static final String SHA = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private static final Instant AT = Instant.parse("2026-02-02T09:00:00Z");
    /** Workers' pending requests only: the lists of the shared test organisations fill up across the ITs. */
    private static final String PENDING_FROM_WORKERS = "/link-requests?status=PENDING&initiatedBy=WORKER&size=100";

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theContractShowsOnTheRequestForHrAndTheWorkerOnceHoweverOftenDelivered() {
        String workerId = UUID.randomUUID().toString();
        String requestId = workerRequest(workerId, ORG_A);
        String documentId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        publish(eventId, attached(documentId, workerId, requestId, ORG_A));
        publish(eventId, attached(documentId, workerId, requestId, ORG_A));
        publish(UUID.randomUUID().toString(), attached(documentId, workerId, requestId, ORG_A));

        JsonNode item = awaitItem(hr(ORG_A), hrList(ORG_A), requestId, i -> i.get("attachments").size() == 1);
        JsonNode attachment = item.get("attachments").get(0);
        assertThat(attachment.get("documentId").asText()).isEqualTo(documentId);
        assertThat(attachment.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.get("sizeBytes").asLong()).isEqualTo(52_113);
        assertThat(attachment.get("sha256").asText()).isEqualTo(SHA);
        assertThat(Instant.parse(attachment.get("attachedAt").asText())).isEqualTo(AT);
        JsonNode own = awaitItem(worker(workerId), "/api/employer/me/link-requests", requestId, i -> true);
        assertThat(own.get("attachments")).isEqualTo(item.get("attachments"));
        assertThat(mongo.getCollection(LinkRequestAttachmentView.COLLECTION)
                .countDocuments(new Document("requestId", requestId))).isEqualTo(1);

        // A request without any still has the field, empty.
        String bare = workerRequest(workerId, ORG_B);
        assertThat(awaitItem(worker(workerId), "/api/employer/me/link-requests", bare, i -> true)
                .get("attachments")).isEmpty();
    }

    @Test
    void anAttachmentToARequestOfAnotherWorkerOrOrganisationIsIgnored() {
        String workerId = UUID.randomUUID().toString();
        String stranger = UUID.randomUUID().toString();
        String workersRequest = workerRequest(workerId, ORG_A);
        String strangersRequestToA = workerRequest(stranger, ORG_A);
        String strangersRequestToB = workerRequest(stranger, ORG_B);
        String document = UUID.randomUUID().toString();

        // One document, so one partition: once the last shows, the two before it have been handled.
        publish(UUID.randomUUID().toString(), attached(document, stranger, workersRequest, ORG_A));
        publish(UUID.randomUUID().toString(), attached(document, stranger, strangersRequestToA, ORG_B));
        publish(UUID.randomUUID().toString(), attached(document, stranger, strangersRequestToB, ORG_B));

        awaitItem(hr(ORG_B), hrList(ORG_B), strangersRequestToB,
                i -> i.get("attachments").size() == 1);
        assertThat(mongo.findById(document + "@" + workersRequest, LinkRequestAttachmentView.class)).isNull();
        assertThat(mongo.findById(document + "@" + strangersRequestToA, LinkRequestAttachmentView.class)).isNull();
        String listA = hrList(ORG_A);
        assertThat(awaitItem(hr(ORG_A), listA, workersRequest, i -> true).get("attachments")).isEmpty();
        assertThat(awaitItem(hr(ORG_A), listA, strangersRequestToA, i -> true).get("attachments")).isEmpty();
    }

    @Test
    void anAttachmentBeforeTheRequestIsShownOnceTheRequestAppears() {
        String workerId = UUID.randomUUID().toString();
        String documentId = UUID.randomUUID().toString();
        StreamingEventProcessor views = processing.eventProcessor("staff-views", StreamingEventProcessor.class)
                .orElseThrow();
        views.shutDown();
        String requestId;
        try {
            requestId = workerRequest(workerId, ORG_A);
            publish(UUID.randomUUID().toString(), attached(documentId, workerId, requestId, ORG_A));
            String stored = documentId + "@" + requestId;
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mongo.findById(stored, LinkRequestAttachmentView.class) != null);
        } finally {
            views.start();
        }

        JsonNode item = awaitItem(worker(workerId), "/api/employer/me/link-requests", requestId,
                i -> i.get("attachments").size() == 1);
        assertThat(item.get("attachments").get(0).get("documentId").asText()).isEqualTo(documentId);
    }

    private static String hrList(String organizationId) {
        return "/api/employer/organizations/" + organizationId + PENDING_FROM_WORKERS;
    }

    private String workerRequest(String workerId, String organizationId) {
        return expect(employer.post(worker(workerId), "/api/employer/me/link-requests",
                "{\"organizationId\":\"" + organizationId
                        + "\",\"contractNumber\":\"ТД-5/2026\",\"contractDate\":\"2026-02-01\"}"), 201)
                .get("requestId").asText();
    }

    private JsonNode awaitItem(String token, String path, String requestId, Predicate<JsonNode> ready) {
        JsonNode[] found = new JsonNode[1];
        employer.await(token, path, body -> {
            for (JsonNode item : body.get("items")) {
                if (item.get("requestId").asText().equals(requestId) && ready.test(item)) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static DocumentAttached attached(String documentId, String owner, String requestId, String organization) {
        return new DocumentAttached(documentId, "account-" + owner, owner, DocumentPurpose.LINK_REQUEST, requestId,
                organization, "application/pdf", 52_113, SHA, AT);
    }

    private static void publish(String eventId, DocumentAttached event) {
        EmployerClient.publish(Topics.DOCUMENTS_EVENTS, eventId, event);
    }
}
