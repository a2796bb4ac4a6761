package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.assertProblem;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.confirmed;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * Postgraduate and additional education over REST: approved entries reach the cabinet, the change journal and
 * (their specialties only) the public register; a bad entry is a problem naming the field and stores nothing.
 */
class EducationSectionsIT extends RegistryRestSupport {

    private static ObjectNode residency() {
        ObjectNode entry = JSON.createObjectNode().put("section", "POSTGRADUATE_EDUCATION")
                .put("programKind", "RESIDENCY").put("institution", "ПМГМУ им. И.М. Сеченова")
                .put("specialtyCode", "31.08.36").put("startDate", "2008-09-01").put("endDate", "2010-08-31")
                .put("documentSeries", "017704").put("documentNumber", "0001234").put("documentDate", "2010-08-31")
                .put("qualification", "Врач-кардиолог");
        return addition(entry);
    }

    private static ObjectNode retraining() {
        ObjectNode entry = JSON.createObjectNode().put("section", "ADDITIONAL_EDUCATION")
                .put("kind", "PROFESSIONAL_RETRAINING").put("courseName", "Функциональная диагностика")
                .put("hours", 576).put("institution", "РМАНПО").put("specialtyCode", "31.08.12")
                .put("startDate", "2024-09-02").put("endDate", "2024-12-20").put("documentKind", "RETRAINING_DIPLOMA")
                .put("documentSeries", "772400").put("documentNumber", "0054321").put("documentDate", "2024-12-23");
        return addition(entry);
    }

    private static ObjectNode addition(ObjectNode entry) {
        ObjectNode change = JSON.createObjectNode().put("kind", "ADD");
        change.set("entry", entry);
        return change;
    }

    @Test
    void approvedEducationReachesTheCabinetTheJournalAndThePublicRegister() throws Exception {
        String id = registry.registerWorker("Воронцова", randomSnils());
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        String residencyChange = registry.submitAndAwaitQueue(worker, id, residency().toString());
        String retrainingChange = registry.submitAndAwaitQueue(worker, id, retraining().toString());
        for (String changeId : List.of(residencyChange, retrainingChange)) {
            HttpResponse<String> approved = registry.post(bearer(ADMIN),
                    RegistryClient.decision(id, changeId, "approve"), "");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
        }

        JsonNode profile = registry.awaitJson(bearer(worker), "/api/registry/workers/" + id,
                n -> n.get("pendingChanges").asLong() == 0 && n.get("entries").size() == 2);
        List<JsonNode> entries = new ArrayList<>();
        profile.get("entries").elements().forEachRemaining(entries::add);
        JsonNode postgraduate = single(entries, "POSTGRADUATE_EDUCATION");
        assertThat(postgraduate.get("programKind").asText()).isEqualTo("RESIDENCY");
        assertThat(postgraduate.get("specialtyCode").asText()).isEqualTo("31.08.36");
        assertThat(postgraduate.get("documentDate").asText()).isEqualTo("2010-08-31");
        JsonNode additional = single(entries, "ADDITIONAL_EDUCATION");
        assertThat(additional.get("kind").asText()).isEqualTo("PROFESSIONAL_RETRAINING");
        assertThat(additional.get("hours").asInt()).isEqualTo(576);
        assertThat(additional.get("documentKind").asText()).isEqualTo("RETRAINING_DIPLOMA");

        JsonNode journal = registry.awaitJson(bearer(worker), "/api/registry/workers/" + id + "/journal",
                n -> n.size() == 4);
        assertThat(journal.findValuesAsText("action")).containsExactlyInAnyOrder("SUBMITTED", "SUBMITTED",
                "APPROVED", "APPROVED");
        assertThat(journal.findValuesAsText("section")).containsExactlyInAnyOrder("POSTGRADUATE_EDUCATION",
                "POSTGRADUATE_EDUCATION", "ADDITIONAL_EDUCATION", "ADDITIONAL_EDUCATION");
        assertThat(journal.findValuesAsText("changeId")).containsOnly(residencyChange, retrainingChange);

        String[] raw = new String[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> r = registry.anonymousGet("/api/registry/public/workers?specialty=31.08.12&size=100");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("items").findValuesAsText("workerId")).contains(id);
            raw[0] = r.body();
        });
        assertThat(raw[0]).contains("Кардиология").contains("Функциональная диагностика")
                .doesNotContain("Сеченова").doesNotContain("0001234").doesNotContain("РМАНПО")
                .doesNotContain("0054321");
        HttpResponse<String> fhir = registry.anonymousGet("/fhir/Practitioner/" + id);
        assertThat(fhir.statusCode()).as(fhir.body()).isEqualTo(200);
        assertThat(fhir.body()).contains("31.08.36").contains("31.08.12").doesNotContain("Сеченова")
                .doesNotContain("0054321");
    }

    private static JsonNode single(List<JsonNode> entries, String section) {
        List<JsonNode> found = entries.stream().filter(e -> section.equals(e.get("section").asText())).toList();
        assertThat(found).as(section).hasSize(1);
        return found.get(0);
    }

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                invalid(residency(), e -> e.remove("specialtyCode"), 422, "entry.specialtyCode"),
                invalid(residency(), e -> e.put("specialtyCode", "31.05.01"), 422, "entry.specialtyCode"),
                invalid(residency(), e -> e.put("programKind", "DOCTORATE"), 422, "entry.programKind"),
                invalid(residency(), e -> e.put("endDate", "2999-01-01").put("documentDate", "2999-01-01"), 422,
                        "entry.endDate"),
                invalid(residency(), e -> e.put("startDate", "2011-09-01"), 422, "entry.endDate"),
                invalid(residency(), e -> e.put("documentDate", "2010-08-30"), 422, "entry.documentDate"),
                invalid(residency(), e -> e.put("institution", "<script>alert(1)</script>"), 422,
                        "entry.institution"),
                invalid(residency(), e -> e.put("qualification", "я".repeat(301)), 422, "entry.qualification"),
                invalid(residency(), e -> e.put("endDate", "31.08.2010"), 400, "entry.endDate"),
                invalid(retraining(), e -> e.put("hours", 249), 422, "entry.hours"),
                invalid(retraining(), e -> e.put("hours", 30000), 422, "entry.hours"),
                invalid(retraining(), e -> e.put("kind", "QUALIFICATION_UPGRADE").put("hours", 10), 422,
                        "entry.hours"),
                invalid(retraining(), e -> e.put("hours", "много"), 400, "entry.hours"),
                invalid(retraining(), e -> e.put("hours", 576.5), 400, "entry.hours"),
                invalid(retraining(), e -> e.put("kind", "SEMINAR"), 400, "entry.kind"),
                invalid(retraining(), e -> e.put("documentKind", "QUALIFICATION_UPGRADE_CERTIFICATE"), 422,
                        "entry.documentKind"),
                invalid(retraining(), e -> e.remove("specialtyCode"), 422, "entry.specialtyCode"),
                invalid(retraining(), e -> e.put("courseName", "<b>курс</b>"), 422, "entry.courseName"),
                invalid(retraining(), e -> e.put("documentNumber", "1".repeat(31)), 422, "entry.documentNumber"));
    }

    private static Arguments invalid(ObjectNode change, Consumer<ObjectNode> breakEntry, int status, String field) {
        breakEntry.accept((ObjectNode) change.get("entry"));
        return Arguments.of(change.toString(), status, field);
    }

    @ParameterizedTest
    @MethodSource("invalidChanges")
    void anInvalidEntryIsAProblemNamingTheFieldAndStoresNothing(String json, int status, String field)
            throws Exception {
        String id = registry.registerWorker("Воронцова", randomSnils());
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        registry.awaitJson(bearer(worker), "/api/registry/workers/" + id, n -> true);
        long before = storedEvents();

        HttpResponse<String> response = registry.post(confirmed(worker), "/api/registry/workers/" + id + "/changes",
                json);

        assertProblem(response, status, field);
        assertThat(response.body()).doesNotContain("script>").doesNotContain("много");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(JSON.readTree(registry.get(bearer(worker), "/api/registry/workers/" + id + "/changes").body()))
                .isEmpty();
    }
}
