package ru.frmr.employer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.employer.EmployerClient.employments;
import static ru.frmr.employer.EmployerClient.expect;
import static ru.frmr.employer.EmployerClient.expectProblem;
import static ru.frmr.employer.EmployerClient.hr;
import static ru.frmr.employer.EmployerClient.worker;
import static ru.frmr.employer.TestOrganizations.ORG_A;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.employer.EmployerClient;
import ru.frmr.employer.EmployerClient.Seen;
import ru.frmr.employer.TestClock;
import ru.frmr.employer.TestOrganizations;
import ru.frmr.employer.query.EmploymentLookup;
import ru.frmr.employer.query.EmploymentSummary;

/**
 * The path from a link request to a dismissal on the real broker and Mongo wire server: HR asks, the worker accepts,
 * HR records the hire, a transfer and the dismissal; each step's event reaches Kafka conforming to its schema, the
 * public one naming nobody; the lists and the history show it all.
 */
class LinkAndEmploymentIT extends StaffApiSupport {

    private static final String ORG = "/api/employer/organizations/" + ORG_A;

    @Autowired
    EmploymentLookup lookup;

    private KafkaConsumer<String, byte[]> consumer;
    private final List<Seen> seen = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        consumer = EmployerClient.subscribe(Topics.EMPLOYER_EVENTS, Topics.PUBLIC_EVENTS);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void hrLinksTheWorkerAcceptsHrHiresTransfersAndDismisses() throws Exception {
        String workerId = registered(UUID.randomUUID().toString(), "Иванова", "Мария", "Петровна");

        JsonNode created = expect(employer.post(hr(ORG_A), ORG + "/link-requests",
                "{\"workerId\":\"" + workerId + "\"}"), 201);
        String requestId = created.get("requestId").asText();
        assertThat(created.get("status").asText()).isEqualTo("PENDING");
        assertThat(created.get("initiatedBy").asText()).isEqualTo("EMPLOYER");
        assertThat(Instant.parse(created.get("expiresAt").asText()))
                .isEqualTo(Instant.parse(created.get("requestedAt").asText()).plus(Duration.ofDays(14)));

        // The public contract: on both topics, conforming to its schema, ids only.
        for (String topic : List.of(Topics.EMPLOYER_EVENTS, Topics.PUBLIC_EVENTS)) {
            Seen requested = EmployerClient.awaitEvent(consumer, seen, topic, requestId,
                    EventTypes.EMPLOYER_LINK_REQUESTED);
            assertThat(ContractSchemas.violations(EventTypes.EMPLOYER_LINK_REQUESTED,
                    requested.event().getData().toBytes())).isEmpty();
            JsonNode data = EmployerClient.JSON.readTree(requested.data());
            assertThat(data.get("workerId").asText()).isEqualTo(workerId);
            assertThat(data.get("organizationId").asText()).isEqualTo(ORG_A);
            assertThat(requested.data()).doesNotContain("Иванова").doesNotContain("Мария");
            assertThat(requested.data()).doesNotContainPattern("\\d{3}-\\d{3}-\\d{3}");
        }

        // HR started it, so HR cannot answer it.
        expectProblem(employer.post(hr(ORG_A), ORG + "/workers/" + workerId + "/link-requests/" + requestId
                + "/accept", ""), 403, "requestId");

        JsonNode hrList = employer.await(hr(ORG_A), ORG + "/link-requests?status=PENDING",
                body -> body.get("items").findValuesAsText("requestId").contains(requestId)
                        && body.get("items").findValuesAsText("workerName").contains("Иванова Мария Петровна"));
        assertThat(hrList.get("size").asInt()).isEqualTo(20);
        JsonNode own = employer.await(worker(workerId), "/api/employer/me/link-requests",
                body -> body.get("total").asInt() == 1);
        assertThat(own.at("/items/0/organization/name").asText()).isEqualTo(TestOrganizations.CARD_A.name());

        expect(employer.post(worker(workerId), ORG + "/workers/" + workerId + "/link-requests/" + requestId
                + "/accept", ""), 204);
        employer.await(hr(ORG_A), ORG + "/link-requests?status=ACCEPTED",
                body -> body.get("items").findValuesAsText("requestId").contains(requestId));
        Seen answered = EmployerClient.awaitEvent(consumer, seen, Topics.EMPLOYER_EVENTS, requestId,
                EventTypes.EMPLOYER_LINK_ANSWERED);
        assertThat(ContractSchemas.violations(EventTypes.EMPLOYER_LINK_ANSWERED,
                answered.event().getData().toBytes())).isEmpty();
        assertThat(EmployerClient.JSON.readTree(answered.data()).get("outcome").asText()).isEqualTo("ACCEPTED");

        String employmentId = employer.hire(ORG_A, workerId, "THERAPIST", "Терапевтическое отделение", "1",
                "MAIN", "2026-02-02");
        Seen recorded = EmployerClient.awaitEvent(consumer, seen, Topics.EMPLOYER_EVENTS, employmentId,
                EventTypes.EMPLOYMENT_RECORDED);
        assertThat(ContractSchemas.violations(EventTypes.EMPLOYMENT_RECORDED, recorded.event().getData().toBytes()))
                .isEmpty();
        JsonNode recordedData = EmployerClient.JSON.readTree(recorded.data());
        assertThat(recordedData.at("/organization/ogrn").asText()).isEqualTo(TestOrganizations.CARD_A.ogrn());
        assertThat(recordedData.at("/organization/name").asText()).isEqualTo(TestOrganizations.CARD_A.name());
        assertThat(recordedData.get("version").asLong()).isEqualTo(1);
        assertThat(recorded.key()).isEqualTo(employmentId);

        JsonNode transfer = expect(employer.post(hr(ORG_A), employments(ORG_A, workerId) + "/" + employmentId
                + "/changes", """
                {"kind":"TRANSFER","positionCode":"THERAPIST","department":"Кардиологическое отделение",
                 "rate":1.0,"contractKind":"MAIN","effectiveDate":"2026-02-20"}"""), 200);
        assertThat(transfer.get("version").asLong()).isEqualTo(2);
        Seen corrected = EmployerClient.awaitEvent(consumer, seen, Topics.EMPLOYER_EVENTS, employmentId,
                EventTypes.EMPLOYMENT_CORRECTED);
        assertThat(ContractSchemas.violations(EventTypes.EMPLOYMENT_CORRECTED, corrected.event().getData().toBytes()))
                .isEmpty();
        assertThat(EmployerClient.JSON.readTree(corrected.data()).get("department").asText())
                .isEqualTo("Кардиологическое отделение");

        JsonNode dismissal = expect(employer.post(hr(ORG_A), employments(ORG_A, workerId) + "/" + employmentId
                + "/dismissal", "{\"endDate\":\"2026-03-02\",\"reasonCode\":\"TK77-1-3\"}"), 200);
        assertThat(dismissal.get("version").asLong()).isEqualTo(3);
        Seen ended = EmployerClient.awaitEvent(consumer, seen, Topics.EMPLOYER_EVENTS, employmentId,
                EventTypes.EMPLOYMENT_ENDED);
        assertThat(ContractSchemas.violations(EventTypes.EMPLOYMENT_ENDED, ended.event().getData().toBytes()))
                .isEmpty();
        assertThat(ended.data()).doesNotContain("TK77");

        JsonNode history = employer.await(hr(ORG_A), employments(ORG_A, workerId),
                body -> body.size() == 1 && body.get(0).get("version").asLong() == 3);
        JsonNode item = history.get(0);
        assertThat(item.get("status").asText()).isEqualTo("DISMISSED");
        assertThat(item.get("positionName").asText()).isEqualTo("Врач-терапевт");
        assertThat(item.get("dismissalReasonName").asText()).contains("собственному желанию");
        assertThat(item.get("history").findValuesAsText("kind")).containsExactly("HIRE", "TRANSFER", "DISMISSAL");

        JsonNode mine = employer.await(worker(workerId), "/api/employer/me/employments",
                body -> body.size() == 1 && body.get(0).get("version").asLong() == 3);
        assertThat(mine.at("/0/organization/name").asText()).isEqualTo(TestOrganizations.CARD_A.name());
        assertThat(mine.at("/0/endDate").asText()).isEqualTo("2026-03-02");

        EmploymentSummary summary = lookup.find(employmentId).orElseThrow();
        assertThat(summary).isEqualTo(new EmploymentSummary(employmentId, ORG_A, workerId, "THERAPIST",
                "Кардиологическое отделение", new BigDecimal("1.00"), "MAIN", summary.contractNumber(),
                LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 2)));
        assertThat(lookup.find("no-such-employment")).isEmpty();
    }

    @Test
    void aWorkerAsksToBeLinkedWithTheirContractAndHrAccepts() {
        String workerId = UUID.randomUUID().toString();
        JsonNode created = expect(employer.post(worker(workerId), "/api/employer/me/link-requests", """
                {"organizationId":"org-a","contractNumber":"ТД-77/2026","contractDate":"2026-02-01"}"""), 201);
        String requestId = created.get("requestId").asText();
        assertThat(created.get("initiatedBy").asText()).isEqualTo("WORKER");

        // The worker started it: only HR answers.
        expectProblem(employer.post(worker(workerId), ORG + "/workers/" + workerId + "/link-requests/" + requestId
                + "/decline", ""), 403, "requestId");
        JsonNode listed = employer.await(hr(ORG_A), ORG + "/link-requests?status=PENDING",
                body -> body.get("items").findValuesAsText("requestId").contains(requestId));
        JsonNode item = listed.get("items").findParents("requestId").stream()
                .filter(n -> n.get("requestId").asText().equals(requestId)).findFirst().orElseThrow();
        assertThat(item.get("contractNumber").asText()).isEqualTo("ТД-77/2026");
        assertThat(item.get("contractDate").asText()).isEqualTo("2026-02-01");

        expect(employer.post(hr(ORG_A), ORG + "/workers/" + workerId + "/link-requests/" + requestId + "/accept",
                ""), 204);
        employer.hire(ORG_A, workerId, "NURSE", null, "0.5", "EXTERNAL_PART_TIME", "2026-02-16");

        // A worker's own request is between them and the organisation: nothing public.
        EmployerClient.poll(consumer, seen);
        assertThat(EmployerClient.find(seen, Topics.PUBLIC_EVENTS, requestId, EventTypes.EMPLOYER_LINK_REQUESTED))
                .isEmpty();
    }

    @Test
    void theWorkerDeclinesAndHrMayAskAgain() {
        String workerId = registeredWorker();
        String requestId = expect(employer.post(hr(ORG_A), ORG + "/link-requests",
                "{\"workerId\":\"" + workerId + "\"}"), 201).get("requestId").asText();
        expectProblem(employer.post(hr(ORG_A), ORG + "/link-requests", "{\"workerId\":\"" + workerId + "\"}"),
                409, "workerId");

        expect(employer.post(worker(workerId), ORG + "/workers/" + workerId + "/link-requests/" + requestId
                + "/decline", ""), 204);
        expectProblem(employer.post(worker(workerId), ORG + "/workers/" + workerId + "/link-requests/" + requestId
                + "/accept", ""), 409, "requestId");
        employer.await(worker(workerId), "/api/employer/me/link-requests?status=DECLINED",
                body -> body.get("total").asInt() == 1);

        expect(employer.post(hr(ORG_A), ORG + "/link-requests", "{\"workerId\":\"" + workerId + "\"}"), 201);
    }

    @Test
    void hrCannotAskToLinkAWorkerTheRegisterDoesNotHold() {
        String unknown = UUID.randomUUID().toString();
        String erased = registeredWorker();
        workers.erased(erased, TestClock.START);
        long before = storedEvents();

        for (String workerId : List.of(unknown, erased)) {
            HttpResponse<String> response = employer.post(hr(ORG_A), ORG + "/link-requests",
                    "{\"workerId\":\"" + workerId + "\"}");
            expectProblem(response, 404, "workerId");
            assertThat(EmployerClient.json(response).get("detail").asText())
                    .isEqualTo("workerId: no such worker in the register");
        }
        assertThat(storedEvents()).as("nothing written").isEqualTo(before);

        // A request after them is published; by then nothing about either of them has been.
        String registered = registeredWorker();
        String requestId = expect(employer.post(hr(ORG_A), ORG + "/link-requests",
                "{\"workerId\":\"" + registered + "\"}"), 201).get("requestId").asText();
        EmployerClient.awaitEvent(consumer, seen, Topics.PUBLIC_EVENTS, requestId, EventTypes.EMPLOYER_LINK_REQUESTED);
        assertThat(seen).noneMatch(s -> s.data().contains(unknown) || s.data().contains(erased));
    }
}
