package ru.frmr.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.frmr.registry.api.AccountStatusRecordedEvent;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.EducationEntry;
import ru.frmr.registry.api.PersonalDataErasedEvent;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.QualificationCategory;
import ru.frmr.registry.api.QualificationCategoryEntry;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.reference.ReferenceDictionaries;
import ru.frmr.registry.search.PublicRegisterIndex;
import ru.frmr.registry.search.PublicSearchQuery;
import ru.frmr.registry.search.PublicWorkerDocument;
import ru.frmr.registry.search.PublicWorkerDocument.PracticeStatus;

/**
 * Who the public register lists: a medical worker with an approved education or licence, whose login is not
 * blocked and whose personal data were not erased; not everyone who logged in.
 */
class PublicRegisterProjectionListingTest {

    private static final String WORKER = "w-1";
    private static final Instant AT = Instant.parse("2026-03-10T09:00:00Z");
    private static final EducationEntry DIPLOMA = new EducationEntry("ПМГМУ им. И.М. Сеченова", "DIPLOMA", "107704",
            "0012345", LocalDate.of(2008, 6, 30), "31.05.01", "Врач-лечебник", "HIGHER_SPECIALIST");
    private static final AccreditationEntry ACCREDITATION = new AccreditationEntry(AccreditationKind.PERIODIC,
            "П-17/2024", LocalDate.of(2024, 6, 1), "31.08.49", LocalDate.of(2029, 6, 1));
    private static final CertificateEntry EXPIRED_CERTIFICATE = new CertificateEntry("0177", "180012345",
            LocalDate.of(2020, 5, 20), LocalDate.of(2025, 5, 20), "31.08.36");
    private static final QualificationCategoryEntry CATEGORY = new QualificationCategoryEntry(
            QualificationCategory.FIRST, "31.08.49", LocalDate.of(2023, 2, 1), LocalDate.of(2028, 2, 1));

    private final Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
    private final PublicRegisterIndex index = PublicRegisterIndex.inMemory(clock);
    private final PublicRegisterProjection projection = new PublicRegisterProjection(index,
            new ReferenceDictionaries(), clock);

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void aFreshlyRegisteredPersonIsNotListedAndNeitherIsOneWithAQualificationCategoryOnly() {
        projection.on(registered());
        assertThat(listed()).isEmpty();

        approve("e-0", CATEGORY, 2);
        assertThat(listed()).isEmpty();
        assertThat(index.find(WORKER)).isEmpty();
    }

    @Test
    void theFirstApprovedEducationListsThePersonWithoutARightToPractise() {
        projection.on(registered());
        approve("e-1", DIPLOMA, 2);

        assertThat(listed()).containsExactly(WORKER);
        assertThat(index.find(WORKER).orElseThrow().practiceStatus()).isEqualTo(PracticeStatus.NONE);

        approve("e-2", EXPIRED_CERTIFICATE, 3);
        assertThat(index.find(WORKER).orElseThrow().practiceStatus()).isEqualTo(PracticeStatus.EXPIRED);
        approve("e-3", ACCREDITATION, 4);
        assertThat(index.find(WORKER).orElseThrow().practiceStatus()).isEqualTo(PracticeStatus.ACTIVE);
    }

    @Test
    void removingTheLastEducationOrLicenceTakesThePersonOut() {
        projection.on(registered());
        approve("e-1", ACCREDITATION, 2);
        approve("e-0", CATEGORY, 3);
        projection.on(new ProfileChangeApprovedEvent(WORKER, "c-remove", ChangeKind.REMOVE,
                ACCREDITATION.section(), "e-1", null, "account:admin", AT, 4));

        assertThat(listed()).isEmpty();
    }

    @Test
    void aBlockedAccountLeavesTheRegisterAndComesBackWhenActiveAgain() {
        projection.on(registered());
        approve("e-1", ACCREDITATION, 2);

        projection.on(status("BLOCKED"));
        assertThat(listed()).isEmpty();
        assertThat(index.find(WORKER)).isEmpty();
        approve("e-2", DIPLOMA, 3);
        assertThat(listed()).as("an approval while blocked does not list them").isEmpty();

        projection.on(status("ACTIVE"));
        assertThat(listed()).containsExactly(WORKER);
        projection.on(status("NEEDS_CONFIRMATION"));
        assertThat(listed()).containsExactly(WORKER);
    }

    @Test
    void anErasedPersonLeavesTheRegisterForGood() {
        projection.on(registered());
        approve("e-1", ACCREDITATION, 2);

        projection.on(new PersonalDataErasedEvent(WORKER, "Заявление работника", "account:admin", AT));
        assertThat(listed()).isEmpty();
        approve("e-2", DIPLOMA, 3);
        projection.on(status("ACTIVE"));
        assertThat(listed()).isEmpty();
        assertThat(index.find(WORKER)).isEmpty();
    }

    @Test
    void eventsAppliedTwiceLeaveTheRegisterAsOnce() {
        projection.on(registered());
        approve("e-1", ACCREDITATION, 2);
        projection.on(status("BLOCKED"));
        projection.on(status("BLOCKED"));
        assertThat(listed()).isEmpty();

        projection.reset();
        for (int i = 0; i < 2; i++) {
            projection.on(registered());
            approve("e-1", ACCREDITATION, 2);
        }
        assertThat(listed()).containsExactly(WORKER);
        assertThat(index.search(new PublicSearchQuery(null, null, null, null, null, 0, 10)).total()).isEqualTo(1);
    }

    private void approve(String entryId, RecordEntry entry, long version) {
        projection.on(new ProfileChangeApprovedEvent(WORKER, "c-" + entryId, ChangeKind.ADD, entry.section(), entryId,
                entry, "account:admin", AT, version));
    }

    private static AccountStatusRecordedEvent status(String status) {
        return new AccountStatusRecordedEvent(WORKER, "acc-1", status, AT);
    }

    private List<String> listed() {
        return index.search(new PublicSearchQuery(null, null, null, null, null, 0, 10)).items().stream()
                .map(PublicWorkerDocument::workerId).toList();
    }

    private static WorkerRegisteredEvent registered() {
        return new WorkerRegisteredEvent(WORKER, "Иванова", "Мария", null, LocalDate.of(1985, 4, 12), null, null,
                new SealedPersonalData("11223344595", null, null, null, null));
    }
}
