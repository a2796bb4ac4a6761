package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.CERTIFICATE;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.assertProblem;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * A registry administrator who is also a medical worker cannot approve or reject a change of their own record:
 * 403 problem+json, nothing stored, the change stays pending for another administrator.
 */
class OwnRecordModerationIT extends RegistryRestSupport {

    @Test
    void anAdministratorWhoIsTheWorkerCannotDecideTheirOwnChange() throws Exception {
        String id = registry.registerWorker("Кузнецова", randomSnils());
        TestToken both = TestToken.worker(id).withRoleList(List.of("WORKER", "REGISTRY_ADMIN"))
                .validFor(Duration.ofHours(1));
        String changeId = registry.submitAndAwaitQueue(both, id, CERTIFICATE);
        long before = storedEvents();

        assertOwnRecordRefused(registry.post(bearer(both), RegistryClient.decision(id, changeId, "approve"),
                ""));
        assertOwnRecordRefused(registry.post(bearer(both), RegistryClient.decision(id, changeId, "reject"),
                "{\"reason\":\"Передумала\"}"));

        assertThat(storedEvents()).isEqualTo(before);
        assertThat(JSON.readTree(registry.get(bearer(both), "/api/registry/workers/" + id + "/changes").body())
                .get(0).get("status").asText()).isEqualTo("PENDING");
        HttpResponse<String> approved = registry.post(bearer(ADMIN),
                RegistryClient.decision(id, changeId, "approve"), "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
        registry.awaitJson(bearer(both), "/api/registry/workers/" + id, n -> n.get("entries").size() == 1);
    }

    @Test
    void neitherTheWorkerIdOfTheTokenNorTheSubmittingAccountMayDecide() throws Exception {
        String id = registry.registerWorker("Кузнецова", randomSnils());
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        String changeId = registry.submitAndAwaitQueue(worker, id, CERTIFICATE);
        // Another session of the same person, as an administrator whose token names their record.
        TestToken adminWithRecord = TestToken.withRoles("REGISTRY_ADMIN").withWorkerId(id);
        // The worker's own account after it was made administrator: the token carries no worker id.
        TestToken promotedWorker = TestToken.withRoles("REGISTRY_ADMIN").withSubject(worker.subject());
        long before = storedEvents();

        assertOwnRecordRefused(registry.post(bearer(adminWithRecord),
                RegistryClient.decision(id, changeId, "approve"), ""));
        assertOwnRecordRefused(registry.post(bearer(promotedWorker),
                RegistryClient.decision(id, changeId, "reject"), "{\"reason\":\"Нет\"}"));

        assertThat(storedEvents()).isEqualTo(before);
        HttpResponse<String> rejected = registry.post(bearer(ADMIN),
                RegistryClient.decision(id, changeId, "reject"),
                "{\"reason\":\"Скан нечитаем\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);
    }

    private static void assertOwnRecordRefused(HttpResponse<String> response) throws Exception {
        JsonNode problem = assertProblem(response, 403, "changeId");
        assertThat(problem.get("type").asText()).endsWith("/forbidden");
        assertThat(problem.get("detail").asText()).contains("own record");
    }
}
