package ru.frmr.registry.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class PublicSearchResponseJsonTest {

    private static final List<String> PERSONAL_KEYS =
            List.of("snils", "passport", "email", "mobile", "phone", "birth", "inn", "address", "gender");

    /** Configured as Spring MVC's own mapper is, so the test sees what the endpoint will write. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    @Test
    void searchPageSerialisesWithoutAnyPersonalKey() throws Exception {
        try (PublicRegisterIndex index = PublicRegisterIndex.inMemory()) {
            index.upsert(PublicWorkerMother.worker("w-1", "Иванова", "Мария", "Петровна"));
            PublicSearchPage page = index.search(PublicSearchQuery.byName("иванова"));

            String raw = json.writeValueAsString(PublicSearchResponse.from(page));

            List<String> keys = keys(json.readTree(raw));
            assertThat(keys).contains("workerId", "lastName", "licenses", "endDate", "currentEmployer");
            assertThat(keys).noneMatch(key -> PERSONAL_KEYS.stream()
                    .anyMatch(personal -> key.toLowerCase(Locale.ROOT).contains(personal)));
            assertThat(raw).contains("\"endDate\":\"2029-06-30\"").contains("\"total\":1");
        }
    }

    @Test
    void currentEmployersSerialiseWithPositionRegionAndStartButNoPersonalKey() throws Exception {
        try (PublicRegisterIndex index = PublicRegisterIndex.inMemory()) {
            PublicWorkerDocument.Employer main = new PublicWorkerDocument.Employer("org-4", "ГБУЗ МО «Больница»",
                    "THERAPIST", "Врач-терапевт", "50", LocalDate.of(2020, 1, 15));
            PublicWorkerDocument.Employer second = new PublicWorkerDocument.Employer("org-2", "ООО Клиника",
                    "CARDIOLOGIST", "Врач-кардиолог", "78", LocalDate.of(2025, 3, 1));
            index.upsert(new PublicWorkerDocument("w-2", "Петрова", "Анна", null, List.of(), List.of(), null, null, List.of(main, second)));

            String raw = json.writeValueAsString(PublicSearchResponse.from(index.search(PublicSearchQuery.byName("петрова"))));

            List<String> keys = keys(json.readTree(raw));
            assertThat(keys).contains("currentEmployer", "currentEmployers", "positionCode", "positionName", "since",
                    "regionCode");
            assertThat(keys).noneMatch(key -> PERSONAL_KEYS.stream()
                    .anyMatch(personal -> key.toLowerCase(Locale.ROOT).contains(personal)));
            JsonNode worker = json.readTree(raw).path("items").get(0);
            assertThat(worker.path("currentEmployer").path("organizationId").asText()).isEqualTo("org-4");
            assertThat(worker.path("currentEmployer").path("since").asText()).isEqualTo("2020-01-15");
            assertThat(worker.path("regionCode").asText()).isEqualTo("50");
            assertThat(worker.path("currentEmployers")).hasSize(2);
            assertThat(worker.path("status").asText()).as("no licence: no right to practise").isEqualTo("NONE");
            assertThat(worker.path("currentEmployers").get(1).path("positionName").asText()).isEqualTo("Врач-кардиолог");
        }
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            names.forEachRemaining(name -> {
                keys.add(name);
                keys.addAll(keys(node.get(name)));
            });
        } else if (node.isArray()) {
            node.forEach(element -> keys.addAll(keys(element)));
        }
        return keys;
    }
}
