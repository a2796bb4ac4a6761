package ru.frmr.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.query.PractitionerVersionView.PublicEntry;

/** The change-feed projection against the Mongo wire server, fed directly: versions, re-deliveries, pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PractitionerHistoryProjectionIT {

    private static final String DB = "registry_practitioner_history_it";
    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00.123456Z");
    private static final CertificateEntry CERTIFICATE = new CertificateEntry("0177", "180012345",
            LocalDate.of(2021, 5, 20), LocalDate.of(2026, 5, 20), "31.08.36");
    private static final AccreditationEntry ACCREDITATION = new AccreditationEntry(AccreditationKind.PERIODIC,
            "П-17/2024", LocalDate.of(2024, 6, 1), "31.08.49", LocalDate.of(2029, 6, 1));
    private static final WorkerRegisteredEvent REGISTERED = new WorkerRegisteredEvent("w-1", "Иванова", "Мария", null,
            LocalDate.of(1985, 4, 12), "F", "RUS", new SealedPersonalData("11223344595", null, null, "m@example.ru",
            "+79990000001"));

    private MongoClient client;
    private MongoTemplate mongo;
    private PractitionerHistoryProjection projection;
    private PractitionerHistoryQueries queries;

    @BeforeAll
    void connect() {
        client = MongoClients.create(SharedTestInfra.get().mongoUri(DB));
        mongo = new MongoTemplate(client, DB);
        projection = new PractitionerHistoryProjection(mongo);
        queries = new PractitionerHistoryQueries(mongo);
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    @BeforeEach
    void clean() {
        projection.reset();
    }

    @Test
    void registrationAndEachPublicChangeMakeAVersionWithPublicDataOnly() {
        projection.on(REGISTERED, "ev-1", T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", T0.plusSeconds(60));
        projection.on(approved(ChangeKind.ADD, "e-2", ACCREDITATION, 3), "ev-3", T0.plusSeconds(120));
        projection.on(approved(ChangeKind.REMOVE, "e-1", null, 4), "ev-4", T0.plusSeconds(180));

        List<PractitionerVersionView> versions = queries.page("w-1", null, null, 10);
        assertThat(versions).extracting(PractitionerVersionView::versionId).containsExactly(4L, 3L, 2L, 1L);
        assertThat(versions.get(3).created()).isTrue();
        assertThat(versions.get(3).lastUpdated()).isEqualTo(Instant.parse("2026-03-10T09:00:00.123Z"));
        assertThat(versions.get(3).position()).isEqualTo("001773133200123-ev-1");
        assertThat(versions.get(1).entries()).containsExactly(
                new PublicEntry("e-1", RecordSection.CERTIFICATES, "31.08.36", LocalDate.of(2026, 5, 20)),
                new PublicEntry("e-2", RecordSection.ACCREDITATION, "31.08.49", LocalDate.of(2029, 6, 1)));
        assertThat(versions.get(0).entries()).extracting(PublicEntry::entryId).containsExactly("e-2");
        String stored = mongo.getCollection(PractitionerVersionView.COLLECTION).find().into(new java.util.ArrayList<>())
                .toString();
        assertThat(stored).contains("Иванова").doesNotContain("11223344595", "m@example.ru", "1985", "180012345",
                "П-17/2024");
    }

    @Test
    void redeliveredAndOutOfDateEventsAddNothing() {
        projection.on(REGISTERED, "ev-1", T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", T0.plusSeconds(60));
        projection.on(REGISTERED, "ev-1", T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", T0.plusSeconds(60));
        projection.on(approved(ChangeKind.ADD, "e-9", ACCREDITATION, 2), "ev-other", T0.plusSeconds(90));
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 5), "ev-unknown", T0.plusSeconds(90));

        assertThat(queries.page("w-1", null, null, 10)).extracting(PractitionerVersionView::eventId)
                .containsExactly("ev-2", "ev-1");
    }

    @Test
    void aChangeOfNothingPublicMakesNoVersionAndAnUnknownWorkerNone() {
        projection.on(REGISTERED, "ev-1", T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", T0.plusSeconds(60));
        CertificateEntry renumbered = new CertificateEntry("0177", "999999999", CERTIFICATE.examDate(),
                CERTIFICATE.endDate(), CERTIFICATE.specialtyCode());
        projection.on(approved(ChangeKind.CORRECT, "e-1", renumbered, 3), "ev-3", T0.plusSeconds(120));
        projection.on(new ProfileChangeApprovedEvent("w-unknown", "c", ChangeKind.ADD, RecordSection.CERTIFICATES,
                "e-1", CERTIFICATE, "account:admin", T0, 2), "ev-4", T0.plusSeconds(180));

        assertThat(queries.page(null, null, null, 10)).extracting(PractitionerVersionView::eventId)
                .containsExactly("ev-2", "ev-1");
    }

    @Test
    void pagesAreCutBySinceAndByPosition() {
        projection.on(REGISTERED, "ev-1", T0);
        projection.on(new WorkerRegisteredEvent("w-2", "Петров", "Пётр", null, LocalDate.of(1979, 2, 3), null, null,
                new SealedPersonalData("12345678964", null, null, null, null)), "ev-2", T0.plusSeconds(60));
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-3", T0.plusSeconds(120));

        List<PractitionerVersionView> first = queries.page(null, null, null, 2);
        assertThat(first).extracting(PractitionerVersionView::eventId).containsExactly("ev-3", "ev-2");
        assertThat(queries.page(null, null, first.get(1).position(), 2))
                .extracting(PractitionerVersionView::eventId).containsExactly("ev-1");
        assertThat(queries.page(null, T0.plusSeconds(60), null, 10))
                .extracting(PractitionerVersionView::eventId).containsExactly("ev-3", "ev-2");
        assertThat(queries.page(null, T0.plusSeconds(61), null, 10))
                .extracting(PractitionerVersionView::eventId).containsExactly("ev-3");
        assertThat(queries.version("w-1", 2)).map(PractitionerVersionView::eventId).contains("ev-3");
        assertThat(queries.exists("w-2")).isTrue();
        assertThat(queries.exists("w-3")).isFalse();
    }

    private static ProfileChangeApprovedEvent approved(ChangeKind kind, String entryId, RecordEntry entry,
                                                       long profileVersion) {
        RecordSection section = entry == null ? RecordSection.CERTIFICATES : entry.section();
        return new ProfileChangeApprovedEvent("w-1", "c-" + profileVersion, kind, section, entryId, entry,
                "account:admin", T0, profileVersion);
    }
}
