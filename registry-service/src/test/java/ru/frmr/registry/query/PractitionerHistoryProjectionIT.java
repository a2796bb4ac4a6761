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
import ru.frmr.registry.api.AccountStatusRecordedEvent;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.PersonalDataErasedEvent;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.QualificationCategory;
import ru.frmr.registry.api.QualificationCategoryEntry;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.query.PractitionerVersionView.PublicEntry;

/**
 * The change-feed projection against the Mongo wire server, fed directly: who is shown (people the register lists,
 * and a deletion when they leave), versions, re-deliveries, erasure, pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PractitionerHistoryProjectionIT {

    private static final String DB = "registry_practitioner_history_it";
    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00.123456Z");
    private static final CertificateEntry CERTIFICATE = new CertificateEntry("0177", "180012345",
            LocalDate.of(2021, 5, 20), LocalDate.of(2026, 5, 20), "31.08.36");
    private static final AccreditationEntry ACCREDITATION = new AccreditationEntry(AccreditationKind.PERIODIC,
            "П-17/2024", LocalDate.of(2024, 6, 1), "31.08.49", LocalDate.of(2029, 6, 1));
    private static final QualificationCategoryEntry CATEGORY = new QualificationCategoryEntry(
            QualificationCategory.FIRST, "31.08.49", LocalDate.of(2023, 2, 1), LocalDate.of(2028, 2, 1));
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
    void aRegisteredPersonIsNotInTheFeedUntilAnApprovedEducationOrLicence() {
        projection.on(REGISTERED, "ev-1", 0, T0);
        projection.on(approved(ChangeKind.ADD, "e-0", CATEGORY, 2), "ev-2", 1, T0.plusSeconds(30));

        assertThat(queries.page(null, null, null, 10)).isEmpty();
        assertThat(queries.exists("w-1")).isFalse();
        assertThat(queries.gone("w-1")).isFalse();
    }

    @Test
    void theFirstApprovedLicenceCreatesTheEntryAndEachPublicChangeMakesAVersionWithPublicDataOnly() {
        projection.on(REGISTERED, "ev-1", 0, T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", 2, T0.plusSeconds(60));
        projection.on(approved(ChangeKind.ADD, "e-2", ACCREDITATION, 3), "ev-3", 4, T0.plusSeconds(120));
        projection.on(approved(ChangeKind.REMOVE, "e-1", null, 4), "ev-4", 6, T0.plusSeconds(180));

        List<PractitionerVersionView> versions = queries.page("w-1", null, null, 10);
        assertThat(versions).extracting(PractitionerVersionView::versionId).containsExactly(7L, 5L, 3L);
        assertThat(versions).extracting(PractitionerVersionView::created).containsExactly(false, false, true);
        assertThat(versions).extracting(PractitionerVersionView::deleted).containsOnly(false);
        assertThat(versions.get(2).lastUpdated()).isEqualTo(Instant.parse("2026-03-10T09:01:00.123Z"));
        assertThat(versions.get(2).position()).isEqualTo("001773133260123-ev-2");
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
    void removingTheLastQualifyingEntryIsADeletionAndAnotherApprovalCreatesTheEntryAgain() {
        projection.on(REGISTERED, "ev-1", 0, T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", 2, T0.plusSeconds(60));
        projection.on(approved(ChangeKind.REMOVE, "e-1", null, 3), "ev-3", 4, T0.plusSeconds(120));

        assertThat(queries.gone("w-1")).isTrue();
        projection.on(approved(ChangeKind.ADD, "e-2", ACCREDITATION, 4), "ev-4", 6, T0.plusSeconds(180));

        List<PractitionerVersionView> versions = queries.page("w-1", null, null, 10);
        assertThat(versions).extracting(PractitionerVersionView::eventId).containsExactly("ev-4", "ev-3", "ev-2");
        assertThat(versions).extracting(PractitionerVersionView::deleted).containsExactly(false, true, false);
        assertThat(versions).extracting(PractitionerVersionView::created).containsExactly(true, false, true);
        assertThat(queries.gone("w-1")).isFalse();
    }

    @Test
    void aBlockedAccountLeavesTheFeedWithADeletionAndReturnsWhenActiveAgain() {
        projection.on(REGISTERED, "ev-1", 0, T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", 2, T0.plusSeconds(60));
        projection.on(status("BLOCKED"), "ev-3", 3, T0.plusSeconds(120));
        // While blocked, an approval changes the state kept, not the feed.
        projection.on(approved(ChangeKind.ADD, "e-2", ACCREDITATION, 3), "ev-4", 5, T0.plusSeconds(150));

        assertThat(queries.page("w-1", null, null, 10)).extracting(PractitionerVersionView::eventId)
                .containsExactly("ev-3", "ev-2");
        assertThat(queries.gone("w-1")).isTrue();

        projection.on(status("ACTIVE"), "ev-5", 6, T0.plusSeconds(180));
        PractitionerVersionView back = queries.page("w-1", null, null, 1).get(0);
        assertThat(back.eventId()).isEqualTo("ev-5");
        assertThat(back.created()).isTrue();
        assertThat(back.entries()).extracting(PublicEntry::entryId).containsExactly("e-1", "e-2");
        assertThat(queries.gone("w-1")).isFalse();
    }

    @Test
    void blockingOrErasingSomeoneNeverListedShowsNothing() {
        projection.on(REGISTERED, "ev-1", 0, T0);
        projection.on(status("BLOCKED"), "ev-2", 1, T0.plusSeconds(60));
        projection.on(erased(), "ev-3", 2, T0.plusSeconds(120));

        assertThat(queries.page(null, null, null, 10)).isEmpty();
        assertThat(queries.gone("w-1")).isFalse();
        assertThat(mongo.getCollection(PractitionerVersionView.COLLECTION).find().into(new java.util.ArrayList<>())
                .toString()).doesNotContain("Иванова");
    }

    @Test
    void anErasureLeavesOneDeletionWithoutTheNameAndNothingAfterIt() {
        projection.on(REGISTERED, "ev-1", 0, T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", 2, T0.plusSeconds(60));
        projection.on(erased(), "ev-3", 3, T0.plusSeconds(120));
        projection.on(erased(), "ev-3", 3, T0.plusSeconds(120));
        projection.on(approved(ChangeKind.ADD, "e-2", ACCREDITATION, 3), "ev-4", 5, T0.plusSeconds(180));
        projection.on(status("ACTIVE"), "ev-5", 6, T0.plusSeconds(240));

        List<PractitionerVersionView> versions = queries.page("w-1", null, null, 10);
        assertThat(versions).extracting(PractitionerVersionView::eventId).containsExactly("ev-3");
        assertThat(versions.get(0).deleted()).isTrue();
        assertThat(queries.gone("w-1")).isTrue();
        assertThat(queries.version("w-1", 3)).isEmpty();
        assertThat(mongo.getCollection(PractitionerVersionView.COLLECTION).find().into(new java.util.ArrayList<>())
                .toString()).doesNotContain("Иванова", "Мария");
    }

    @Test
    void anInterruptedErasureIsCompletedByItsRedelivery() {
        projection.on(REGISTERED, "ev-1", 0, T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", 2, T0.plusSeconds(60));
        projection.on(erased(), "ev-3", 3, T0.plusSeconds(120));
        // As if the process died after storing the erasure's version and before removing the older ones.
        mongo.insert(new PractitionerVersionView("ev-2", "001773133260123-ev-2", "w-1", 3,
                T0.plusSeconds(60), true, "Иванова", "Мария", null, List.of(), true, false, false, false));

        projection.on(erased(), "ev-3", 3, T0.plusSeconds(120));

        assertThat(queries.page("w-1", null, null, 10)).extracting(PractitionerVersionView::eventId)
                .containsExactly("ev-3");
    }

    @Test
    void redeliveredAndOutOfDateEventsAddNothing() {
        projection.on(REGISTERED, "ev-1", 0, T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", 2, T0.plusSeconds(60));
        projection.on(REGISTERED, "ev-1", 0, T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", 2, T0.plusSeconds(60));
        projection.on(approved(ChangeKind.ADD, "e-9", ACCREDITATION, 2), "ev-older", 1, T0.plusSeconds(90));
        projection.on(status("BLOCKED"), "ev-older-status", 2, T0.plusSeconds(90));

        assertThat(queries.page("w-1", null, null, 10)).extracting(PractitionerVersionView::eventId)
                .containsExactly("ev-2");
    }

    @Test
    void aChangeOfNothingPublicMakesNoVersionAndAnUnknownWorkerNone() {
        projection.on(REGISTERED, "ev-1", 0, T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", 2, T0.plusSeconds(60));
        CertificateEntry renumbered = new CertificateEntry("0177", "999999999", CERTIFICATE.examDate(),
                CERTIFICATE.endDate(), CERTIFICATE.specialtyCode());
        projection.on(approved(ChangeKind.CORRECT, "e-1", renumbered, 3), "ev-3", 4, T0.plusSeconds(120));
        projection.on(status("NEEDS_CONFIRMATION"), "ev-4", 5, T0.plusSeconds(150));
        projection.on(new ProfileChangeApprovedEvent("w-unknown", "c", ChangeKind.ADD, RecordSection.CERTIFICATES,
                "e-1", CERTIFICATE, "account:admin", T0, 2), "ev-5", 2, T0.plusSeconds(180));

        assertThat(queries.page(null, null, null, 10)).extracting(PractitionerVersionView::eventId)
                .containsExactly("ev-2");
    }

    @Test
    void pagesAreCutBySinceAndByPosition() {
        projection.on(REGISTERED, "ev-1", 0, T0);
        projection.on(approved(ChangeKind.ADD, "e-1", CERTIFICATE, 2), "ev-2", 1, T0.plusSeconds(10));
        projection.on(new WorkerRegisteredEvent("w-2", "Петров", "Пётр", null, LocalDate.of(1979, 2, 3), null, null,
                new SealedPersonalData("12345678964", null, null, null, null)), "ev-3", 0, T0.plusSeconds(20));
        projection.on(new ProfileChangeApprovedEvent("w-2", "c-w2", ChangeKind.ADD, RecordSection.ACCREDITATION,
                "e-5", ACCREDITATION, "account:admin", T0, 2), "ev-4", 1, T0.plusSeconds(60));
        projection.on(approved(ChangeKind.ADD, "e-2", ACCREDITATION, 3), "ev-5", 2, T0.plusSeconds(120));

        List<PractitionerVersionView> first = queries.page(null, null, null, 2);
        assertThat(first).extracting(PractitionerVersionView::eventId).containsExactly("ev-5", "ev-4");
        assertThat(queries.page(null, null, first.get(1).position(), 2))
                .extracting(PractitionerVersionView::eventId).containsExactly("ev-2");
        assertThat(queries.page(null, T0.plusSeconds(60), null, 10))
                .extracting(PractitionerVersionView::eventId).containsExactly("ev-5", "ev-4");
        assertThat(queries.page(null, T0.plusSeconds(61), null, 10))
                .extracting(PractitionerVersionView::eventId).containsExactly("ev-5");
        assertThat(queries.version("w-1", 3)).map(PractitionerVersionView::eventId).contains("ev-5");
        assertThat(queries.version("w-1", 1)).as("the registration is not shown").isEmpty();
        assertThat(queries.exists("w-2")).isTrue();
        assertThat(queries.exists("w-3")).isFalse();
    }

    private static AccountStatusRecordedEvent status(String status) {
        return new AccountStatusRecordedEvent("w-1", "acc-1", status, T0);
    }

    private static PersonalDataErasedEvent erased() {
        return new PersonalDataErasedEvent("w-1", "Заявление работника", "account:admin", T0);
    }

    private static ProfileChangeApprovedEvent approved(ChangeKind kind, String entryId, RecordEntry entry,
                                                       long profileVersion) {
        RecordSection section = entry == null ? RecordSection.CERTIFICATES : entry.section();
        return new ProfileChangeApprovedEvent("w-1", "c-" + profileVersion, kind, section, entryId, entry,
                "account:admin", T0, profileVersion);
    }
}
