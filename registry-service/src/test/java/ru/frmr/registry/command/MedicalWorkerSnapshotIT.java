package ru.frmr.registry.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.ApproveProfileChangeCommand;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RegisterWorkerCommand;
import ru.frmr.registry.api.SubmitProfileChangeCommand;
import ru.frmr.registry.api.UpdateContactsCommand;
import ru.frmr.registry.web.RegistryClient;

/**
 * A worker with a long stream is loaded from a snapshot in the Mongo snapshot collection plus the later events,
 * and behaves as when sourced from every event: decisions that depend on state from before the snapshot (a change
 * pending since then, an accreditation approved then, the current contacts) come out the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class MedicalWorkerSnapshotIT {

    private static final String DB = "registry_snapshot_it";
    private static final Instant TODAY = Instant.parse("2026-03-10T09:00:00Z");
    private static final AccreditationEntry ACCREDITATION = new AccreditationEntry(AccreditationKind.PERIODIC,
            "П-17/2024", LocalDate.of(2024, 6, 1), "31.08.49", null);
    private static final CertificateEntry CERTIFICATE = new CertificateEntry("0177", "180012345",
            LocalDate.of(2021, 5, 20), LocalDate.of(2026, 5, 20), "31.08.36");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfra(registry, DB);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aLongStreamIsLoadedFromItsSnapshotAndBehavesAsFromEveryEvent() {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterWorkerCommand(id, "Смирнова", "Анна", null, LocalDate.of(1987, 9, 3),
                "11223344595", "a@example.ru", null, null, null, null, null));
        submit(id, "c-accreditation", ChangeKind.ADD, "e-accreditation", ACCREDITATION);
        commands.sendAndWait(new ApproveProfileChangeCommand(id, "c-accreditation", "account:admin", TODAY));
        submit(id, "c-certificate", ChangeKind.ADD, "e-certificate", CERTIFICATE);
        for (int i = 1; i <= 250; i++) {
            commands.sendAndWait(new UpdateContactsCommand(id, "a" + i + "@example.ru", null));
        }

        Document snapshot = await().atMost(Duration.ofSeconds(20)).until(() -> snapshotOf(id), s -> s != null);
        assertThat(snapshot.getString("payloadType")).isEqualTo(MedicalWorker.class.getName());
        assertThat(snapshot.getLong("sequenceNumber")).isGreaterThanOrEqualTo(100);
        assertThat(mongo.getCollection("snapshotevents").countDocuments(Filters.eq("aggregateIdentifier", id)))
                .as("older snapshots of the worker are replaced").isEqualTo(1);

        DomainEventMessage<?> first = eventStore.readEvents(id).peek();
        assertThat(first.getPayloadType()).isEqualTo(MedicalWorker.class);
        assertThat(first.getSequenceNumber()).isEqualTo(snapshot.getLong("sequenceNumber"));
        assertThat(SourcedWorkers.from(eventStore.readEvents(id))).usingRecursiveComparison()
                .isEqualTo(SourcedWorkers.from(storage.readEvents(id, 0)));

        long events = eventCount(id);
        commands.sendAndWait(new UpdateContactsCommand(id, "a250@example.ru", null));
        assertThat(eventCount(id)).as("the contacts held since the last change are known").isEqualTo(events);
        assertThatThrownBy(() -> submit(id, "c-overlap", ChangeKind.ADD, "e-overlap", new AccreditationEntry(
                AccreditationKind.PRIMARY, "П-3", LocalDate.of(2025, 1, 10), "31.08.49", null)))
                .as("the accreditation approved before the snapshot still blocks an overlapping one")
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("overlaps");
        commands.sendAndWait(new ApproveProfileChangeCommand(id, "c-certificate", "account:admin", TODAY));
        submit(id, "c-correct", ChangeKind.CORRECT, "e-accreditation", new AccreditationEntry(
                AccreditationKind.PERIODIC, "П-17/2024-И", LocalDate.of(2024, 6, 1), "31.08.49", null));
        assertThatThrownBy(() -> commands.sendAndWait(
                new ApproveProfileChangeCommand(id, "c-certificate", "account:admin", TODAY)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("not awaiting moderation");
        assertThat(eventCount(id)).isEqualTo(events + 2);
    }

    private void submit(String id, String changeId, ChangeKind kind, String entryId, RecordEntry entry) {
        commands.sendAndWait(new SubmitProfileChangeCommand(id, changeId, kind, entryId, entry, "account:worker",
                TODAY));
    }

    private Document snapshotOf(String id) {
        List<Document> found = mongo.getCollection("snapshotevents").find(Filters.eq("aggregateIdentifier", id))
                .into(new ArrayList<>());
        return found.isEmpty() ? null : found.get(0);
    }

    private long eventCount(String id) {
        return mongo.getCollection("domainevents").countDocuments(Filters.eq("aggregateIdentifier", id));
    }
}
