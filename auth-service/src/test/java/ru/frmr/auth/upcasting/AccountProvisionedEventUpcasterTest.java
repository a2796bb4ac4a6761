package ru.frmr.auth.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
 * {@code AccountProvisionedEvent}s as auth-service stored them (documents of the {@code domainevents} collection)
 * read as the current revision 3 through the upcaster chain: revision 1 (plain personal data), revision 2 (sealed,
 * with the worker id auth-service computed then).
 */
class AccountProvisionedEventUpcasterTest {

    /** Strict: a field that the upcaster left where revision 2 has none fails the test. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(JSON).build();
    private static final AccountProvisionedEventUpcaster UPCASTER =
            new AccountProvisionedEventUpcaster(Optional.of(TestVaults.LEGACY_WORKER_IDS));
    private static final AccountProvisionedEventRevision3Upcaster REVISION_3 =
            new AccountProvisionedEventRevision3Upcaster();
    private static final EventUpcasterChain CHAIN = new EventUpcasterChain(UPCASTER, REVISION_3);

    @Test
    void aStoredRevisionOneEventReadsAsRevisionThreeWithItsPlainValuesAndTheSnilsKey() throws IOException {
        JsonNode stored = fixture();

        IntermediateEventRepresentation upcast = upcastOne(stored);

        assertThat(upcast.getType().getRevision()).isEqualTo("3");
        assertThat(upcast.getType().getName()).isEqualTo(AccountProvisionedEventUpcaster.TYPE);
        AccountProvisionedEvent event = SERIALIZER.deserialize(upcast.getData());
        assertThat(event.accountId()).isEqualTo(stored.get("aggregateIdentifier").asText());
        assertThat(event.esiaOid()).isEqualTo("1000299654");
        assertThat(event.workerId()).isEqualTo("8c1f2c4e-1111-3a2b-9c3d-000000000001");
        assertThat(event.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(event.at()).isEqualTo(Instant.parse("2026-11-25T22:39:48.702Z"));
        assertThat(event.snilsKey()).isEqualTo(TestVaults.LEGACY_WORKER_IDS.idFor("11223344595"));
        assertThat(event.medicalWorker()).isTrue();
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
        assertThat(event.snilsKey()).isEqualTo(TestVaults.LEGACY_WORKER_IDS.idFor("11223344595"));
    }

    @Test
    void aRevisionOneEventCannotBeReadWithoutTheLegacyKeyAndTheErrorNamesIt() throws IOException {
        JsonNode stored = fixture();
        EventUpcasterChain withoutKey = new EventUpcasterChain(new AccountProvisionedEventUpcaster(Optional.empty()),
                REVISION_3);

        assertThatThrownBy(() -> upcastOne(withoutKey, stored).getData())
                .hasMessageContaining("frmr.identity.legacy-worker-id-key")
                .hasMessageNotContaining("11223344595");
    }

    @Test
    void aStoredRevisionTwoEventOfAWorkerReadsAsRevisionThreeKeepingItsWorkerIdAndSubject() throws IOException {
        JsonNode stored = fixture("AccountProvisionedEvent.rev2.stored.json");

        IntermediateEventRepresentation upcast = upcastOne(stored);

        assertThat(upcast.getType().getRevision()).isEqualTo("3");
        AccountProvisionedEvent event = SERIALIZER.deserialize(upcast.getData());
        assertThat(event.medicalWorker()).isTrue();
        assertThat(event.workerId()).isEqualTo("8c1f2c4e-1111-3a2b-9c3d-000000000001");
        assertThat(event.snilsKey()).isEqualTo("8c1f2c4e-1111-3a2b-9c3d-000000000001");
        assertThat(event.person().snils()).startsWith("pd1:");
        assertThat(upcast.getMessageIdentifier()).isEqualTo(stored.get("eventIdentifier").asText());
    }

    @Test
    void aRevisionTwoEventWithoutAWorkerIdIsNoMedicalWorkers() throws IOException {
        ObjectNode stored = (ObjectNode) fixture("AccountProvisionedEvent.rev2.stored.json");
        ObjectNode payload = (ObjectNode) JSON.readTree(stored.get("serializedPayload").asText());
        payload.putNull("workerId");
        stored.put("serializedPayload", JSON.writeValueAsString(payload));

        AccountProvisionedEvent event = SERIALIZER.deserialize(upcastOne(stored).getData());

        assertThat(event.medicalWorker()).isFalse();
        assertThat(event.workerId()).isNull();
    }

    @Test
    void revisionThreePassesUntouched() throws IOException {
        ObjectNode revision3 = (ObjectNode) fixture();
        String payload = JSON.writeValueAsString(REVISION_3.upcastJson(UPCASTER.upcastJson(
                JSON.readTree(revision3.get("serializedPayload").asText()))));
        revision3.put("payloadRevision", "3").put("serializedPayload", payload);

        IntermediateEventRepresentation untouched = upcastOne(revision3);

        assertThat(untouched.getType().getRevision()).isEqualTo("3");
        assertThat(untouched.getData().getData()).isEqualTo(payload);
    }

    private static IntermediateEventRepresentation upcastOne(JsonNode stored) {
        return upcastOne(CHAIN, stored);
    }

    private static IntermediateEventRepresentation upcastOne(EventUpcasterChain chain, JsonNode stored) {
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>(stored.get("type").asText(),
                stored.get("aggregateIdentifier").asText(), stored.get("sequenceNumber").asLong(),
                stored.get("eventIdentifier").asText(), Instant.parse(stored.get("timestamp").asText()),
                stored.get("payloadType").asText(), stored.get("payloadRevision").asText(),
                stored.get("serializedPayload").asText(), stored.get("serializedMetaData").asText());
        List<IntermediateEventRepresentation> upcast = chain.upcast(
                Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private static JsonNode fixture() throws IOException {
        return fixture("AccountProvisionedEvent.rev1.stored.json");
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = AccountProvisionedEventUpcasterTest.class.getResourceAsStream("/upcasting/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }
}
