package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.EducationEntry;
import ru.frmr.registry.api.QualificationCategory;
import ru.frmr.registry.api.QualificationCategoryEntry;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.query.ChangeStatus;
import ru.frmr.registry.query.ProfileChangeView;

class RecordItemTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final AccreditationEntry ACCREDITATION = new AccreditationEntry(AccreditationKind.PERIODIC,
            "П-17/2024", LocalDate.of(2024, 6, 1), "31.08.49", LocalDate.of(2029, 6, 1));
    private static final CertificateEntry CERTIFICATE = new CertificateEntry("0177", "180012345",
            LocalDate.of(2021, 5, 20), LocalDate.of(2026, 5, 20), "31.08.36");
    private static final Instant SUBMITTED = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void everySectionIsListedEvenWhenEmpty() {
        assertThat(RecordItem.sections(Map.of(), List.of(), TODAY)).containsOnlyKeys(RecordSection.EDUCATION,
                RecordSection.POSTGRADUATE_EDUCATION, RecordSection.ADDITIONAL_EDUCATION, RecordSection.CERTIFICATES,
                RecordSection.ACCREDITATION, RecordSection.QUALIFICATION_CATEGORIES).allSatisfy(
                        (section, items) -> assertThat(items).isEmpty());
    }

    @Test
    void approvedLicencesCarryTheirEndDateAndTheDaysLeftWhichTurnNegativeOnceEnded() {
        Map<RecordSection, List<RecordItem>> sections = RecordItem.sections(
                approved("a-1", ACCREDITATION, "c-1", CERTIFICATE),
                List.of(change("ch-1", "a-1", ChangeKind.ADD, ACCREDITATION, ChangeStatus.APPROVED, null)), TODAY);

        RecordItem accreditation = sections.get(RecordSection.ACCREDITATION).get(0);
        assertThat(accreditation.status()).isEqualTo(ChangeStatus.APPROVED);
        assertThat(accreditation.entryId()).isEqualTo("a-1");
        assertThat(accreditation.endDate()).isEqualTo(LocalDate.of(2029, 6, 1));
        assertThat(accreditation.expiresInDays()).isEqualTo(908);
        assertThat(accreditation.changeId()).isEqualTo("ch-1");
        assertThat(accreditation.changeKind()).isNull();
        assertThat(accreditation.decidedAt()).isEqualTo(SUBMITTED.plusSeconds(60));
        RecordItem certificate = sections.get(RecordSection.CERTIFICATES).get(0);
        assertThat(certificate.expiresInDays()).isEqualTo(-200);
        assertThat(certificate.changeId()).isNull();
    }

    @Test
    void pendingAndRejectedChangesFollowTheApprovedEntriesOfTheirSection() {
        QualificationCategoryEntry category = new QualificationCategoryEntry(QualificationCategory.FIRST, "31.08.36",
                LocalDate.of(2025, 3, 1), LocalDate.of(2030, 3, 1));
        Map<RecordSection, List<RecordItem>> sections = RecordItem.sections(approved("a-1", ACCREDITATION),
                List.of(change("ch-1", "a-1", ChangeKind.REMOVE, null, ChangeStatus.PENDING, null),
                        change("ch-2", "q-1", ChangeKind.ADD, category, ChangeStatus.REJECTED, "Скан нечитаем"),
                        change("ch-3", "q-2", ChangeKind.ADD, category, ChangeStatus.PENDING, null)),
                TODAY);

        assertThat(sections.get(RecordSection.ACCREDITATION)).extracting(RecordItem::status)
                .containsExactly(ChangeStatus.APPROVED, ChangeStatus.PENDING);
        RecordItem removal = sections.get(RecordSection.ACCREDITATION).get(1);
        assertThat(removal.changeKind()).isEqualTo(ChangeKind.REMOVE);
        assertThat(removal.entry()).as("a removal shows what it would remove").isEqualTo(ACCREDITATION);
        assertThat(removal.submittedAt()).isEqualTo(SUBMITTED);
        assertThat(sections.get(RecordSection.QUALIFICATION_CATEGORIES)).extracting(RecordItem::changeId)
                .containsExactly("ch-3", "ch-2");
        RecordItem rejected = sections.get(RecordSection.QUALIFICATION_CATEGORIES).get(1);
        assertThat(rejected.reason()).isEqualTo("Скан нечитаем");
        assertThat(rejected.entry()).isEqualTo(category);
        assertThat(rejected.endDate()).isEqualTo(LocalDate.of(2030, 3, 1));
        assertThat(rejected.expiresInDays()).isEqualTo(1181);
    }

    @Test
    void rejectedChangesComeNewestFirst() {
        Map<RecordSection, List<RecordItem>> sections = RecordItem.sections(Map.of(), List.of(
                change("old", "x-1", ChangeKind.ADD, CERTIFICATE, ChangeStatus.REJECTED, "first"),
                changeDecidedAt("new", CERTIFICATE, SUBMITTED.plusSeconds(3600))), TODAY);
        assertThat(sections.get(RecordSection.CERTIFICATES)).extracting(RecordItem::changeId)
                .containsExactly("new", "old");
    }

    @Test
    void educationHasNoEndDate() {
        Map<RecordSection, List<RecordItem>> sections = RecordItem.sections(Map.of(), List.of(
                change("ch", "e-1", ChangeKind.ADD, new EducationEntry("ПМГМУ им. И.М. Сеченова", "DIPLOMA", "107704",
                        "0012345", LocalDate.of(2008, 6, 30), "31.05.01", "Врач-лечебник", "HIGHER_SPECIALIST"),
                        ChangeStatus.PENDING, null)), TODAY);
        assertThat(sections.get(RecordSection.EDUCATION).get(0).endDate()).isNull();
        assertThat(sections.get(RecordSection.EDUCATION).get(0).expiresInDays()).isNull();
    }

    private static Map<String, RecordEntry> approved(Object... idsAndEntries) {
        Map<String, RecordEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < idsAndEntries.length; i += 2) {
            entries.put((String) idsAndEntries[i], (RecordEntry) idsAndEntries[i + 1]);
        }
        return entries;
    }

    private static ProfileChangeView change(String id, String entryId, ChangeKind kind, RecordEntry entry,
                                            ChangeStatus status, String reason) {
        RecordSection section = entry == null ? RecordSection.ACCREDITATION : entry.section();
        return new ProfileChangeView(id, "w-1", kind, section, entryId, entry, status, "account:w",
                SUBMITTED, status == ChangeStatus.PENDING ? null : "account:admin",
                status == ChangeStatus.PENDING ? null : SUBMITTED.plusSeconds(60), reason);
    }

    private static ProfileChangeView changeDecidedAt(String id, RecordEntry entry, Instant decidedAt) {
        return new ProfileChangeView(id, "w-1", ChangeKind.ADD, entry.section(), "x-2", entry,
                ChangeStatus.REJECTED, "account:w", SUBMITTED, "account:admin", decidedAt, "second");
    }
}
