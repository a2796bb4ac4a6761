package ru.frmr.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.frmr.registry.api.AdditionalEducationEntry;
import ru.frmr.registry.api.AdditionalEducationKind;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.PostgraduateEducationEntry;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.reference.ReferenceDictionaries;
import ru.frmr.registry.search.PublicRegisterIndex;
import ru.frmr.registry.search.PublicSearchQuery;
import ru.frmr.registry.search.PublicWorkerDocument;

/**
 * The public register shows of postgraduate and additional education what it shows of basic education: the
 * specialty a programme qualifies for, and nothing of the institution or the documents.
 */
class PublicRegisterProjectionEducationTest {

    private static final Instant AT = Instant.parse("2026-03-10T09:00:00Z");
    private static final PostgraduateEducationEntry RESIDENCY = new PostgraduateEducationEntry("RESIDENCY",
            "ПМГМУ им. И.М. Сеченова", "31.08.36", LocalDate.of(2008, 9, 1), LocalDate.of(2010, 8, 31), "017704",
            "0001234", LocalDate.of(2010, 8, 31), "Врач-кардиолог");
    private static final AdditionalEducationEntry RETRAINING = new AdditionalEducationEntry(
            AdditionalEducationKind.PROFESSIONAL_RETRAINING, "Функциональная диагностика", 576, "РМАНПО", "31.08.12",
            LocalDate.of(2024, 9, 2), LocalDate.of(2024, 12, 20), "RETRAINING_DIPLOMA", "772400", "0054321",
            LocalDate.of(2024, 12, 23));
    private static final AdditionalEducationEntry UPGRADE = new AdditionalEducationEntry(
            AdditionalEducationKind.QUALIFICATION_UPGRADE, "Актуальные вопросы онкологии", 36, "РМАНПО", "31.08.57",
            LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 8), "QUALIFICATION_UPGRADE_CERTIFICATE", "772400",
            "0012345", LocalDate.of(2025, 2, 8));

    private final PublicRegisterIndex index = PublicRegisterIndex.inMemory();
    private final PublicRegisterProjection projection = new PublicRegisterProjection(index,
            new ReferenceDictionaries(), Clock.fixed(AT, ZoneOffset.UTC));

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void residencyAndRetrainingMakeSpecialtiesButACourseDoesNot() {
        projection.on(new WorkerRegisteredEvent("w-1", "Петров", "Пётр", "Сергеевич", LocalDate.of(1979, 2, 3), null, null,
                new SealedPersonalData("12345678964", null, null, null, null)));
        approve("e-1", RESIDENCY, 2);
        approve("e-2", RETRAINING, 3);
        approve("e-3", UPGRADE, 4);

        PublicWorkerDocument worker = index.search(PublicSearchQuery.byName("петров")).items().get(0);
        assertThat(worker.specialties()).containsExactlyInAnyOrder(
                new PublicWorkerDocument.Specialty("31.08.36", "Кардиология"),
                new PublicWorkerDocument.Specialty("31.08.12", "Функциональная диагностика"));
        assertThat(worker.licenses()).isEmpty();
        assertThat(worker.toString()).doesNotContain("Сеченова").doesNotContain("0001234")
                .doesNotContain("РМАНПО").doesNotContain("онкологии");
        assertThat(ids("31.08.12")).containsExactly("w-1");
        assertThat(ids("31.08.57")).isEmpty();
    }

    @Test
    void removingTheResidencyTakesItsSpecialtyAway() {
        projection.on(new WorkerRegisteredEvent("w-1", "Петров", "Пётр", null, LocalDate.of(1979, 2, 3), null, null,
                new SealedPersonalData("12345678964", null, null, null, null)));
        approve("e-1", RESIDENCY, 2);
        projection.on(new ProfileChangeApprovedEvent("w-1", "c-remove", ChangeKind.REMOVE,
                RESIDENCY.section(), "e-1", null, "account:admin", AT, 3));

        assertThat(ids("31.08.36")).isEmpty();
    }

    private void approve(String entryId, RecordEntry entry, long version) {
        projection.on(new ProfileChangeApprovedEvent("w-1", "c-" + entryId, ChangeKind.ADD, entry.section(), entryId,
                entry, "account:admin", AT, version));
    }

    private List<String> ids(String specialty) {
        return index.search(new PublicSearchQuery(null, specialty, null, null, null, 0, 10)).items().stream()
                .map(PublicWorkerDocument::workerId).toList();
    }
}
