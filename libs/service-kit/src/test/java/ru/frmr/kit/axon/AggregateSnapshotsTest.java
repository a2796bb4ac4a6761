package ru.frmr.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class AggregateSnapshotsTest {

    /** The service's general serializer as Axon builds it from Boot's ObjectMapper. */
    private static final Serializer GENERAL = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json()
                    .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
            .build();

    @Test
    void anAggregateRoundTripsThroughItsPrivateFieldsWithPolymorphicEntries() {
        Serializer snapshots = AggregateSnapshots.serializer(GENERAL);
        Ledger ledger = Ledger.sample();

        SerializedObject<String> json = snapshots.serialize(ledger, String.class);
        Ledger restored = snapshots.deserialize(json);

        assertThat(restored).usingRecursiveComparison().ignoringFields("injected").isEqualTo(ledger);
        assertThat(restored.injected).isNull();
        assertThat(json.getData())
                .contains("\"kind\":\"CARD\"", "\"kind\":\"CASH\"", "\"opened\":\"2024-01-31\"")
                .doesNotContain("balanceText", "injected");
        assertThat(json.getType().getRevision()).isEqualTo(StateShape.of(Ledger.class));
    }

    @Test
    void onlySnapshotsOfTheCurrentShapeAreUsed() {
        SerializedObject<String> json = AggregateSnapshots.serializer(GENERAL).serialize(Ledger.sample(), String.class);
        var filter = AggregateSnapshots.currentShapeOnly();

        assertThat(filter.allow(snapshot(json.getType().getName(), json.getType().getRevision(), json.getData())))
                .isTrue();
        assertThat(filter.allow(snapshot(Ledger.class.getName(), "0123456789abcdef", json.getData()))).isFalse();
        assertThat(filter.allow(snapshot(Ledger.class.getName(), null, json.getData()))).isFalse();
        assertThat(filter.allow(snapshot("ru.frmr.gone.Aggregate", json.getType().getRevision(), json.getData())))
                .isFalse();
    }

    @Test
    void theShapeCoversNestedRecordsSubtypesAndEnumsButNotStaticOrTransientFields() {
        String description = StateShape.description(Ledger.class);

        assertThat(description)
                .contains("owner:java.lang.String", "opened:java.time.LocalDate", "version:long",
                        "payments:java.util.Map<java.lang.String, " + Payment.class.getName() + ">",
                        "hold:" + Hold.class.getName())
                .contains(Card.class.getName() + " [amount:long, last4:java.lang.String]")
                .contains(Cash.class.getName() + " [amount:long, till:java.lang.String]")
                .contains(Hold.class.getName() + " [reason:" + Reason.class.getName() + ", until:java.time.Instant]")
                .contains(Reason.class.getName() + " enum [FRAUD, DISPUTE]")
                .doesNotContain("LIMIT", "injected");
    }

    private static GenericDomainEventEntry<String> snapshot(String type, String revision, String data) {
        return new GenericDomainEventEntry<>("Ledger", "l-1", 7, "e-1", Instant.EPOCH, type, revision, data, "{}");
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = Card.class, name = "CARD"),
            @JsonSubTypes.Type(value = Cash.class, name = "CASH")})
    sealed interface Payment permits Card, Cash {
    }

    record Card(String last4, long amount) implements Payment {
    }

    record Cash(String till, long amount) implements Payment {
    }

    enum Reason { FRAUD, DISPUTE }

    private record Hold(Reason reason, Instant until) {
    }

    /** Shaped like an aggregate: private state, no setters, a getter that must not be taken for state. */
    static class Ledger {

        static final int LIMIT = 10;

        private String owner;
        private LocalDate opened;
        private long version;
        private final Map<String, Payment> payments = new HashMap<>();
        private Hold hold;
        private transient Object injected;

        Ledger() {
        }

        static Ledger sample() {
            Ledger ledger = new Ledger();
            ledger.owner = "o-1";
            ledger.opened = LocalDate.of(2024, 1, 31);
            ledger.version = 3;
            ledger.payments.put("p-1", new Card("4242", 100));
            ledger.payments.put("p-2", new Cash("T-9", 250));
            ledger.hold = new Hold(Reason.DISPUTE, Instant.parse("2024-02-01T10:15:30Z"));
            ledger.injected = new Object();
            return ledger;
        }

        public String getBalanceText() {
            return version + " payments";
        }
    }
}
