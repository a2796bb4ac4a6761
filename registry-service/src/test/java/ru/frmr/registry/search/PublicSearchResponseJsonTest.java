package ru.frmr.registry.search;

import static org.assertj.core.api.Assertions.assertThat;

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
