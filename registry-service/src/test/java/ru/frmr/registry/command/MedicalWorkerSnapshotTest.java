package ru.frmr.registry.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import ru.frmr.kit.axon.AggregateSnapshots;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.ContactsUpdatedEvent;
import ru.frmr.registry.api.EducationEntry;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.ProfileChangeRejectedEvent;
import ru.frmr.registry.api.ProfileChangeSubmittedEvent;
import ru.frmr.registry.api.QualificationCategory;
import ru.frmr.registry.api.QualificationCategoryEntry;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.WorkerRegisteredEvent;

/**
 * A {@link MedicalWorker} written as a snapshot by the kit's snapshot serializer and read back is the same
 * aggregate, field by field (whatever fields it has: the comparison is recursive over all of them), with every kind
 * of entry, approved and pending, in its maps.
 */
class MedicalWorkerSnapshotTest {

    private static final String ID = "8c1f2c4e-1111-3a2b-9c3d-000000000001";
    private static final Instant AT = Instant.parse("2026-03-10T09:00:00Z");
    /** The service's general serializer as Axon builds it from Boot's ObjectMapper. */
    private static final Serializer GENERAL = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json()
                    .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
            .build();

    private static final EducationEntry EDUCATION = new EducationEntry("ПМГМУ им. И.М. Сеченова", "DIPLOMA", "107704",
            "0012345", LocalDate.of(2008, 6, 30), "31.05.01", "Врач-лечебник", "HIGHER_SPECIALIST");
    private static final CertificateEntry CERTIFICATE = new CertificateEntry("0177", "180012345",
            LocalDate.of(2021, 5, 20), LocalDate.of(2026, 5, 20), "31.08.36");
    private static final AccreditationEntry ACCREDITATION = new AccreditationEntry(AccreditationKind.PERIODIC,
            "П-17/2024", LocalDate.of(2024, 6, 1), "31.08.49", LocalDate.of(2029, 6, 1));
    private static final QualificationCategoryEntry CATEGORY = new QualificationCategoryEntry(
            QualificationCategory.FIRST, "31.08.49", LocalDate.of(2023, 2, 1), LocalDate.of(2028, 2, 1));

    @Test
    void aWorkerWithApprovedAndPendingEntriesOfEveryKindSurvivesASnapshot() {
        MedicalWorker worker = SourcedWorkers.from(DomainEventStream.of(history()));
        Serializer snapshots = AggregateSnapshots.serializer(GENERAL);

        SerializedObject<String> snapshot = snapshots.serialize(worker, String.class);
        MedicalWorker restored = snapshots.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(worker);
        assertThat(snapshot.getData())
                .contains("\"section\":\"EDUCATION\"", "\"section\":\"CERTIFICATES\"",
                        "\"section\":\"ACCREDITATION\"", "\"section\":\"QUALIFICATION_CATEGORIES\"",
                        "\"protocolDate\":\"2024-06-01\"", "\"profileVersion\":6");
    }

    @Test
    void aWorkerSourcedFromASnapshotAndTheLaterEventsEqualsOneSourcedFromEveryEvent() {
        List<DomainEventMessage<?>> events = history();
        Serializer snapshots = AggregateSnapshots.serializer(GENERAL);
        int cut = 5;
        MedicalWorker atCut = SourcedWorkers.from(DomainEventStream.of(events.subList(0, cut)));
        MedicalWorker fromSnapshot = snapshots.deserialize(snapshots.serialize(atCut, String.class));
        DomainEventMessage<MedicalWorker> snapshot = new GenericDomainEventMessage<>("MedicalWorker", ID, cut - 1,
                fromSnapshot);

        MedicalWorker resumed = SourcedWorkers.from(DomainEventStream.concat(DomainEventStream.of(snapshot),
                DomainEventStream.of(events.subList(cut, events.size()))));

        assertThat(resumed).usingRecursiveComparison()
                .isEqualTo(SourcedWorkers.from(DomainEventStream.of(events)));
    }

    /** Registration, contacts, four approved entries of four kinds, one rejected and three pending changes. */
    private static List<DomainEventMessage<?>> history() {
        List<Object> payloads = new ArrayList<>();
        payloads.add(new WorkerRegisteredEvent(ID, "Иванова", "Мария", "Петровна", LocalDate.of(1985, 4, 12),
                "F", "RUS", new SealedPersonalData("11223344595", null, null, "m@example.ru", "+79990000001")));
        payloads.add(new ContactsUpdatedEvent(ID, "m.ivanova@example.ru", null, 2));
        long version = 2;
        for (RecordEntry entry : List.of(EDUCATION, CERTIFICATE, ACCREDITATION, CATEGORY)) {
            String n = String.valueOf(++version);
            payloads.add(submitted("c-" + n, ChangeKind.ADD, "e-" + n, entry));
            payloads.add(new ProfileChangeApprovedEvent(ID, "c-" + n, ChangeKind.ADD, entry.section(), "e-" + n, entry,
                    "account:admin", AT, version));
        }
        payloads.add(submitted("c-rejected", ChangeKind.ADD, "e-x", CERTIFICATE));
        payloads.add(new ProfileChangeRejectedEvent(ID, "c-rejected", ChangeKind.ADD, CERTIFICATE.section(), "e-x",
                "Скан нечитаем", "account:admin", AT));
        payloads.add(submitted("c-add", ChangeKind.ADD, "e-new", new AccreditationEntry(AccreditationKind.PRIMARY,
                "П-2", LocalDate.of(2019, 6, 1), "31.08.36", LocalDate.of(2024, 6, 1))));
        payloads.add(submitted("c-correct", ChangeKind.CORRECT, "e-4", new CertificateEntry("0177", "180099999",
                LocalDate.of(2021, 5, 20), LocalDate.of(2026, 5, 20), "31.08.36")));
        payloads.add(submitted("c-remove", ChangeKind.REMOVE, "e-6", null));
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            events.add(new GenericDomainEventMessage<>("MedicalWorker", ID, i, payloads.get(i)));
        }
        return events;
    }

    private static ProfileChangeSubmittedEvent submitted(String changeId, ChangeKind kind, String entryId,
                                                         RecordEntry entry) {
        return new ProfileChangeSubmittedEvent(ID, changeId, kind,
                entry != null ? entry.section() : CATEGORY.section(), entryId, entry, "account:worker", AT);
    }
}
