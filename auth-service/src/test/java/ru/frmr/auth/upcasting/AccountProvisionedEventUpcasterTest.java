package ru.frmr.auth.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import ru.frmr.auth.api.AccountProvisionedEvent;
import ru.frmr.auth.api.AccountStatus;
import ru.frmr.auth.api.IdentityDocument;
import ru.frmr.auth.api.PersonData;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.auth.privacy.TestVaults;

/**
 * Revision-1 {@code AccountProvisionedEvent}s as auth-service stored them (a document of the {@code domainevents}
 * collection, plain personal data) read as revision 2 through the upcaster chain.
 */
class AccountProvisionedEventUpcasterTest {

    /** Strict: a field that the upcaster left where revision 2 has none fails the test. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(JSON).build();
    private static final AccountProvisionedEventUpcaster UPCASTER =
            new AccountProvisionedEventUpcaster(TestVaults.WORKER_IDS);
    private static final EventUpcasterChain CHAIN = new EventUpcasterChain(UPCASTER);

    @Test
    void aStoredRevisionOneEventReadsAsRevisionTwoWithItsPlainValuesAndTheSnilsKey() throws IOException {
        JsonNode stored = fixture();

        IntermediateEventRepresentation upcast = upcastOne(stored);

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(upcast.getType().getName()).isEqualTo(AccountProvisionedEventUpcaster.TYPE);
        AccountProvisionedEvent event = SERIALIZER.deserialize(upcast.getData());
        assertThat(event.accountId()).isEqualTo(stored.get("aggregateIdentifier").asText());
        assertThat(event.esiaOid()).isEqualTo("1000299654");
        assertThat(event.workerId()).isEqualTo("8c1f2c4e-1111-3a2b-9c3d-000000000001");
        assertThat(event.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(event.at()).isEqualTo(Instant.parse("2026-11-25T22:39:48.702Z"));
        assertThat(event.snilsKey()).isEqualTo(TestVaults.WORKER_IDS.idFor("11223344595"));
        assertThat(event.person().snils()).isEqualTo("11223344595");
        assertThat(event.person().identityDocument().issueDate()).isEqualTo("2005-04-20");
        // Readers take the legacy plain values as they are.
        PersonalDataVault vault = TestVaults.vault();
        assertThat(vault.open(event.snilsKey(), event.person())).hasValue(new PersonData("Иванова", "Мария",
                "Петровна", LocalDate.of(1985, 4, 12), "F", "11223344595", "ivanova@frmr.test", "+79990000001",
                "770112345695", "RUS", new IdentityDocument("RF_PASSPORT", "4505", "612345",
                LocalDate.of(2005, 4, 20), "ГУ МВД России по г. Москве", "770-001")));
        // Event id, aggregate and sequence stay: only the payload changed shape.
        assertThat(upcast.getMessageIdentifier()).isEqualTo(stored.get("eventIdentifier").asText());
        assertThat(upcast.getSequenceNumber()).hasValue(stored.get("sequenceNumber").asLong());
    }

    @Test
    void aRevisionOneEventFromBeforeInnAndDocumentsWereFetchedReadsWithThemNull() throws IOException {
        ObjectNode stored = (ObjectNode) fixture();
        ObjectNode payload = (ObjectNode) JSON.readTree(stored.get("serializedPayload").asText());
        ObjectNode person = (ObjectNode) payload.get("person");
        person.remove(List.of("inn", "citizenship", "identityDocument"));
        stored.put("serializedPayload", JSON.writeValueAsString(payload));

        AccountProvisionedEvent event = SERIALIZER.deserialize(upcastOne(stored).getData());

        assertThat(event.person().inn()).isNull();
        assertThat(event.person().identityDocument()).isNull();
        assertThat(event.snilsKey()).isEqualTo(TestVaults.WORKER_IDS.idFor("11223344595"));
    }

    @Test
    void revisionTwoPassesUntouched() throws IOException {
        ObjectNode revision2 = (ObjectNode) fixture();
        String payload = JSON.writeValueAsString(UPCASTER.toRevision2(
                JSON.readTree(revision2.get("serializedPayload").asText())));
        revision2.put("payloadRevision", "2").put("serializedPayload", payload);

        IntermediateEventRepresentation untouched = upcastOne(revision2);

        assertThat(untouched.getType().getRevision()).isEqualTo("2");
        assertThat(untouched.getData().getData()).isEqualTo(payload);
    }

    private static IntermediateEventRepresentation upcastOne(JsonNode stored) {
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>(stored.get("type").asText(),
                stored.get("aggregateIdentifier").asText(), stored.get("sequenceNumber").asLong(),
                stored.get("eventIdentifier").asText(), Instant.parse(stored.get("timestamp").asText()),
                stored.get("payloadType").asText(), stored.get("payloadRevision").asText(),
                stored.get("serializedPayload").asText(), stored.get("serializedMetaData").asText());
        List<IntermediateEventRepresentation> upcast = CHAIN.upcast(
                Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private static JsonNode fixture() throws IOException {
        String name = "AccountProvisionedEvent.rev1.stored.json";
        try (InputStream in = AccountProvisionedEventUpcasterTest.class.getResourceAsStream("/upcasting/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }
}
