package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.BIRTH_DATE;
import static ru.frmr.registry.web.RegistryClient.CERTIFICATE;
import static ru.frmr.registry.web.RegistryClient.EMAIL;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.assertForbidden;
import static ru.frmr.registry.web.RegistryClient.assertProblem;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.frmr.infra.embedded.jwt.TestToken;

/** The administrators' and supervisors' worker lookup, by name, СНИЛС or registry number. */
class WorkerLookupIT extends RegistryRestSupport {

    private static final TestToken SUPERVISOR = TestToken.withRoles("SUPERVISOR");

    @Test
    void aNamePrefixFindsEveryoneWhoseNameStartsSoWhateverTheCaseAndYoWithoutTheirSnils() throws Exception {
        String stem = "Ёлкина" + randomLetters();
        String snils = randomSnils();
        String anna = register(stem, "Анна", "Петровна", snils);
        String maria = register(stem, "Мария", null, randomSnils());
        String longer = register(stem + "ская", "Анна", null, randomSnils());
        registry.submit(maria, CERTIFICATE);
        String typed = stem.toLowerCase().replace('ё', 'е');

        JsonNode page = registry.awaitJson(bearer(ADMIN), lookup(typed),
                n -> n.get("total").asLong() == 3 && n.get("items").get(1).get("pendingChanges").asLong() == 1);
        assertThat(page.get("items").findValuesAsText("id")).containsExactly(anna, maria, longer);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("lastName").asText()).isEqualTo(stem);
        assertThat(first.get("firstName").asText()).isEqualTo("Анна");
        assertThat(first.get("middleName").asText()).isEqualTo("Петровна");
        assertThat(first.get("birthDate").asText()).isEqualTo(BIRTH_DATE);
        assertThat(first.get("accountStatus").isNull()).as("never logged in").isTrue();
        assertThat(first.get("pendingChanges").asLong()).isZero();
        assertThat(first.has("snils")).isFalse();
        assertThat(page.toString()).doesNotContain(snils.substring(0, 9));

        JsonNode annaOnly = JSON.readTree(registry.get(bearer(ADMIN), lookup(stem.toUpperCase() + "  анна")).body());
        assertThat(annaOnly.get("items").findValuesAsText("id")).containsExactly(anna);
        JsonNode second = JSON.readTree(registry.get(bearer(ADMIN), lookup(typed) + "&page=1&size=2").body());
        assertThat(second.get("items").findValuesAsText("id")).containsExactly(longer);
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(2);
    }

    @Test
    void aSnilsOrARegistryNumberFindsExactlyThatPerson() throws Exception {
        String snils = randomSnils();
        String id = register("Журавлёва" + randomLetters(), "Ольга", null, snils);
        String formatted = snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9) + " "
                + snils.substring(9);

        for (String q : List.of(formatted, snils, id)) {
            JsonNode found = registry.awaitJson(federalSupervisor(), lookup(q), n -> n.get("total").asLong() == 1);
            assertThat(found.get("items").findValuesAsText("id")).containsExactly(id);
            assertThat(found.toString()).doesNotContain(snils.substring(0, 9));
        }
        JsonNode nobody = JSON.readTree(registry.get(bearer(ADMIN), lookup(randomSnils())).body());
        assertThat(nobody.get("items")).isEmpty();
        assertThat(nobody.get("total").asLong()).isZero();
        assertThat(JSON.readTree(registry.get(bearer(ADMIN), lookup(UUID.randomUUID().toString())).body())
                .get("total").asLong()).isZero();
    }

    @Test
    void onlyAdministratorsAndSupervisorsMayLookUp() throws Exception {
        String id = UUID.randomUUID().toString();
        assertForbidden(registry.get(bearer(TestToken.worker(id)), lookup("Иванова")));
        assertForbidden(registry.get(bearer(TestToken.withRoles("EMPLOYER_HR")), lookup("Иванова")));
        assertForbidden(registry.get(bearer(TestToken.withRoles("AUDITOR")), lookup("Иванова")));
        assertProblem(registry.anonymousGet(lookup("Иванова")), 401, null);
        assertThat(registry.get(federalSupervisor(), lookup("Иванова")).statusCode()).isEqualTo(200);
    }

    @Test
    void badInputIsA400NamingTheParameterWithoutRepeatingIt() throws Exception {
        assertProblem(registry.get(bearer(ADMIN), "/api/registry/workers"), 400, "q");
        String wrongChecksum = "112-233-445 96";
        HttpResponse<String> refused = registry.get(bearer(ADMIN), lookup(wrongChecksum));
        assertProblem(refused, 400, "q");
        assertThat(refused.body()).doesNotContain("112-233").doesNotContain("11223344596");
        assertProblem(registry.get(bearer(ADMIN), lookup("<b>Иванова</b>")), 400, "q");
        assertProblem(registry.get(bearer(ADMIN), lookup("Иванова") + "&size=101"), 400, "size");
        assertProblem(registry.get(bearer(ADMIN), lookup("Иванова") + "&page=-1"), 400, "page");
        assertProblem(registry.get(bearer(ADMIN), lookup("Иванова") + "&size=x"), 400, "size");
    }

    private String register(String lastName, String firstName, String middleName, String snils) throws Exception {
        Map<String, String> registration = middleName == null
                ? Map.of("lastName", lastName, "firstName", firstName, "birthDate", BIRTH_DATE, "snils", snils,
                        "email", EMAIL)
                : Map.of("lastName", lastName, "firstName", firstName, "middleName", middleName,
                        "birthDate", BIRTH_DATE, "snils", snils, "email", EMAIL);
        return registry.registerWorker(registration);
    }

    private static String lookup(String q) {
        return "/api/registry/workers?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    /** A supervisor of a federal agency (a supervisor whose token names no agency finds nobody). */
    private static String federalSupervisor() {
        return "Bearer " + RegistryClient.ISSUER.mint(SUPERVISOR,
                Map.of("agency_id", "ag-cdefghij2345", "agency_kind", "ROSZDRAVNADZOR"));
    }

    /** Six lower-case Cyrillic letters: a surname no other test registers. */
    static String randomLetters() {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('а' + ThreadLocalRandom.current().nextInt(32)));
        }
        return letters.toString();
    }
}
