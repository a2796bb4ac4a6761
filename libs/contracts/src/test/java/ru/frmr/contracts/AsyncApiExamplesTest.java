package ru.frmr.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document's message examples are what subscribers copy: each must be a record the relay could have
 * sent, its payload valid against the schema of its type and its {@code ce_type} that type.
 */
class AsyncApiExamplesTest {

    private static JsonNode messages;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = AsyncApiExamplesTest.class.getResourceAsStream("/asyncapi.yaml")) {
            messages = new YAMLMapper().readTree(in).path("components").path("messages");
        }
    }

    @Test
    void everyExamplePayloadConformsToItsMessagesSchemaAndNamesItsType() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> message : messages.properties()) {
            String type = message.getValue().path("name").asText();
            for (JsonNode example : message.getValue().path("examples")) {
                byte[] payload = ContractJson.mapper().writeValueAsBytes(example.path("payload"));
                assertThat(ContractSchemas.violations(type, payload)).as("%s example %s", type,
                        example.path("name").asText()).isEmpty();
                assertThat(example.path("headers").path("ce_type").asText()).as(type).isEqualTo(type);
                assertThat(example.path("headers").path("ce_specversion").asText()).isEqualTo("1.0");
                checked.add(type);
            }
        }
        assertThat(checked).contains(EventTypes.EMPLOYER_LINK_REQUESTED);
    }

    @Test
    void theEmployerLinkRequestExampleIsKeyedByItsRequestAndCarriesNoPersonalData() {
        JsonNode example = messages.path("EmployerLinkRequested").path("examples").get(0);
        assertThat(example.path("headers").path("ce_subject").asText())
                .isEqualTo(example.path("payload").path("requestId").asText());
        assertThat(example.toString()).doesNotContainPattern("\\d{3}-\\d{3}-\\d{3} \\d{2}")
                .doesNotContainIgnoringCase("snils").doesNotContain("birthDate");
    }
}
