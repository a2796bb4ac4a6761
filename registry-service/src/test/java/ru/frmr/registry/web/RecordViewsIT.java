package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.registry.web.RegistryClient.ACCREDITATION;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.CERTIFICATE;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * What the cabinet shows of a record: each section's entries with their status for the owner and administrators,
 * the approved record only for supervisors, the СНИЛС in full for the owner only; and the moderation queue's items
 * with everything a moderator needs to decide.
 */
class RecordViewsIT extends RegistryRestSupport {


    @Test
    void eachSectionListsApprovedPendingAndRejectedEntriesAndOnlyTheOwnerSeesTheWholeSnils() throws Exception {
        String snils = randomSnils();
        String lastName = "Зимина" + WorkerLookupIT.randomLetters();
        String id = registry.registerWorker(lastName, snils);
        TestToken owner = TestToken.worker(id).validFor(Duration.ofHours(1));
        String accreditation = registry.submitAndAwaitQueue(owner, id, ACCREDITATION);
        registry.approve(id, accreditation);
        String certificate = registry.submitAndAwaitQueue(owner, id, CERTIFICATE);
        registry.reject(id, certificate);
        String entryId = registry.awaitJson(bearer(owner), "/api/registry/workers/" + id,
                n -> n.get("entries").size() == 1).get("entries").fieldNames().next();
        String correction = registry.submit(owner, id, """
                {"kind":"CORRECT","entryId":"%s","entry":{"section":"ACCREDITATION","kind":"PERIODIC",
                 "protocolNumber":"П-18/2024","protocolDate":"2024-06-01","specialtyCode":"31.08.49"}}"""
                .formatted(entryId));

        JsonNode own = registry.awaitJson(bearer(owner), "/api/registry/workers/" + id,
                n -> n.get("sections").get("ACCREDITATION").size() == 2
                        && n.get("sections").get("CERTIFICATES").size() == 1);
        String formatted = snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9) + " "
                + snils.substring(9);
        assertThat(own.get("snils").asText()).isEqualTo(formatted);
        JsonNode approved = own.get("sections").get("ACCREDITATION").get(0);
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("entryId").asText()).isEqualTo(entryId);
        assertThat(approved.get("changeId").asText()).isEqualTo(accreditation);
        assertThat(approved.get("endDate").asText()).isEqualTo("2029-06-01");
        assertThat(approved.get("expiresInDays").isIntegralNumber()).isTrue();
        assertThat(approved.get("entry").get("protocolNumber").asText()).isEqualTo("П-17/2024");
        JsonNode pending = own.get("sections").get("ACCREDITATION").get(1);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("changeKind").asText()).isEqualTo("CORRECT");
        assertThat(pending.get("changeId").asText()).isEqualTo(correction);
        assertThat(pending.get("entry").get("protocolNumber").asText()).isEqualTo("П-18/2024");
        JsonNode rejected = own.get("sections").get("CERTIFICATES").get(0);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("reason").asText()).isEqualTo("Скан нечитаем");
        assertThat(rejected.get("endDate").asText()).isEqualTo("2026-05-20");
        assertThat(own.get("sections").get("EDUCATION")).isEmpty();

        JsonNode byAdmin = JSON.readTree(registry.get(bearer(ADMIN), "/api/registry/workers/" + id).body());
        assertThat(byAdmin.get("snils").asText()).isEqualTo("***-***-" + formatted.substring(8));
        assertThat(byAdmin.get("sections").get("ACCREDITATION")).hasSize(2);
        assertThat(byAdmin.get("sections").get("CERTIFICATES")).hasSize(1);

        JsonNode bySupervisor = JSON.readTree(registry.get(RegistryClient.federalSupervisor(), "/api/registry/workers/" + id).body());
        assertThat(bySupervisor.get("snils").asText()).isEqualTo("***-***-" + formatted.substring(8));
        assertThat(bySupervisor.toString()).doesNotContain(snils.substring(0, 9)).doesNotContain(formatted);
        assertThat(bySupervisor.get("sections").get("ACCREDITATION")).hasSize(1);
        assertThat(bySupervisor.get("sections").get("ACCREDITATION").get(0).get("status").asText())
                .isEqualTo("APPROVED");
        assertThat(bySupervisor.get("sections").get("CERTIFICATES")).isEmpty();

        JsonNode item = queueItem(correction);
        assertThat(item.get("workerId").asText()).isEqualTo(id);
        assertThat(item.get("worker").get("id").asText()).isEqualTo(id);
        assertThat(item.get("worker").get("lastName").asText()).isEqualTo(lastName);
        assertThat(item.get("worker").get("firstName").asText()).isEqualTo("Анна");
        assertThat(item.get("section").asText()).isEqualTo("ACCREDITATION");
        assertThat(item.get("kind").asText()).isEqualTo("CORRECT");
        assertThat(item.get("entry").get("protocolNumber").asText()).isEqualTo("П-18/2024");
        assertThat(item.get("entry").get("endDate").asText()).isEqualTo("2029-06-01");
        assertThat(item.get("currentEntry").get("protocolNumber").asText()).isEqualTo("П-17/2024");
        assertThat(item.get("currentEntry").get("specialtyCode").asText()).isEqualTo("31.08.49");
        assertThat(item.get("submittedAt").asText()).isNotBlank();
        assertThat(item.toString()).doesNotContain(snils.substring(0, 9)).doesNotContain("snils");
    }

    /** The queue's item of this change, on whichever page it is (oldest first). */
    private JsonNode queueItem(String changeId) throws Exception {
        for (int page = 0; ; page++) {
            JsonNode queue = JSON.readTree(registry.get(bearer(ADMIN),
                    "/api/registry/moderation/queue?size=100&page=" + page).body());
            for (JsonNode item : queue.get("items")) {
                if (item.get("changeId").asText().equals(changeId)) {
                    return item;
                }
            }
            assertThat(queue.get("items")).as("change %s not in the queue", changeId).hasSize(100);
        }
    }
}
