package ru.frmr.registry.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.registry.search.PublicWorkerMother.CARDIOLOGY;
import static ru.frmr.registry.search.PublicWorkerMother.THERAPY;
import static ru.frmr.registry.search.PublicWorkerMother.TODAY;
import static ru.frmr.registry.search.PublicWorkerMother.worker;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.registry.search.PublicWorkerDocument.Employer;
import ru.frmr.registry.search.PublicWorkerDocument.License;
import ru.frmr.registry.search.PublicWorkerDocument.LicenseKind;
import ru.frmr.registry.search.PublicWorkerDocument.LicenseStatus;

class PublicRegisterIndexFilterTest {

    /** Noon in Moscow on {@link PublicWorkerMother#TODAY}. */
    private final MutableClock clock = new MutableClock(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC));
    private PublicRegisterIndex index;

    @BeforeEach
    void load() {
        index = PublicRegisterIndex.inMemory(clock);
        index.upsert(worker("a", THERAPY, LicenseStatus.ACTIVE, "77", "org-1"));
        index.upsert(worker("b", CARDIOLOGY, LicenseStatus.ACTIVE, "77", "org-2"));
        index.upsert(worker("c", CARDIOLOGY, LicenseStatus.EXPIRED, "78", "org-2"));
        index.upsert(new PublicWorkerDocument("d", "Работник", "Тест", null,
                List.of(THERAPY, CARDIOLOGY),
                List.of(new License(LicenseKind.ACCREDITATION, THERAPY.code(), LicenseStatus.ACTIVE, LocalDate.of(2030, 1, 1)),
                        new License(LicenseKind.CERTIFICATE, CARDIOLOGY.code(), LicenseStatus.EXPIRED, LocalDate.of(2024, 1, 1))),
                new Employer("org-3", "Поликлиника"), "50"));
        // A therapist by education, without any license, with a main job near Moscow and a second one in St Petersburg.
        index.upsert(new PublicWorkerDocument("e", "Работник", "Тест", null, List.of(THERAPY), List.of(),
                null, null, List.of(
                        new Employer("org-4", "ГБУЗ МО «Больница»", "THERAPIST", "Врач-терапевт", "50",
                                LocalDate.of(2020, 1, 1)),
                        new Employer("org-2", "Организация org-2", "CARDIOLOGIST", "Врач-кардиолог", "78",
                                LocalDate.of(2025, 1, 1)))));
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void filtersBySpecialtyCode() {
        assertThat(ids(THERAPY.code(), null, null, null)).containsExactly("a", "d", "e");
        assertThat(ids(CARDIOLOGY.code(), null, null, null)).containsExactly("b", "c", "d");
    }

    @Test
    void filtersByRegionAndOrganizationOfAnyCurrentEmployer() {
        assertThat(ids(null, "77", null, null)).containsExactly("a", "b");
        assertThat(ids(null, null, "org-2", null)).containsExactly("b", "c", "e");
        assertThat(ids(null, "78", "org-2", null)).containsExactly("c", "e");
        assertThat(ids(null, "50", null, null)).containsExactly("d", "e");
    }

    @Test
    void theFirstEmployerIsThePrincipalOneAndGivesTheRegion() {
        PublicWorkerDocument e = index.find("e").orElseThrow();
        assertThat(e.currentEmployer().organizationId()).isEqualTo("org-4");
        assertThat(e.regionCode()).isEqualTo("50");
        assertThat(e.currentEmployers()).extracting(Employer::organizationId).containsExactly("org-4", "org-2");
    }

    @Test
    void statusIsTheRightToPractiseFromLicensesValidToday() {
        assertThat(ids(null, null, null, "ACTIVE")).as("a license valid today").containsExactly("a", "b", "d");
        assertThat(ids(null, null, null, "expired")).as("licenses, none valid today").containsExactly("c");
        assertThat(ids(null, null, null, "NONE")).as("no license at all").containsExactly("e");
    }

    @Test
    void statusWithSpecialtyIsTheStatusInThatSpecialty() {
        assertThat(ids(CARDIOLOGY.code(), null, null, "ACTIVE")).containsExactly("b");
        assertThat(ids(CARDIOLOGY.code(), null, null, "EXPIRED")).containsExactly("c", "d");
        assertThat(ids(THERAPY.code(), null, null, "EXPIRED")).isEmpty();
        assertThat(ids(THERAPY.code(), null, null, "NONE")).containsExactly("e");
        assertThat(ids(CARDIOLOGY.code(), null, null, "NONE")).isEmpty();
    }

    @Test
    void aLicenseExpiresInTheRegisterAfterItsLastDayWithoutBeingIndexedAgain() {
        index.upsert(new PublicWorkerDocument("f", "Сроков", "Тест", null, List.of(CARDIOLOGY),
                List.of(new License(LicenseKind.CERTIFICATE, CARDIOLOGY.code(), LicenseStatus.ACTIVE,
                        LocalDate.of(2026, 6, 30))),
                null, null));

        clock.set(Instant.parse("2026-06-30T20:59:00Z")); // 23:59 in Moscow on the last day
        assertThat(ids(CARDIOLOGY.code(), null, null, "ACTIVE")).contains("f");
        assertThat(index.find("f").orElseThrow().licenses().get(0).status()).isEqualTo(LicenseStatus.ACTIVE);

        clock.set(Instant.parse("2026-06-30T21:00:00Z")); // midnight in Moscow: 1 July
        assertThat(ids(CARDIOLOGY.code(), null, null, "ACTIVE")).doesNotContain("f");
        assertThat(ids(CARDIOLOGY.code(), null, null, "EXPIRED")).contains("f");
        assertThat(index.find("f").orElseThrow().licenses().get(0).status()).isEqualTo(LicenseStatus.EXPIRED);
        assertThat(index.search(new PublicSearchQuery("сроков", null, null, null, null, 0, 10)).items().get(0)
                .licenses().get(0).status()).isEqualTo(LicenseStatus.EXPIRED);
    }

    @Test
    void shownStatusesAreThoseOfTheDayWhateverWasIndexed() {
        // Indexed as ACTIVE, but its end date lies before today.
        index.upsert(new PublicWorkerDocument("g", "Устарев", "Тест", null, List.of(THERAPY),
                List.of(new License(LicenseKind.ACCREDITATION, THERAPY.code(), LicenseStatus.ACTIVE,
                        TODAY.minusDays(1))),
                null, null));

        assertThat(index.find("g").orElseThrow().licenses().get(0).status()).isEqualTo(LicenseStatus.EXPIRED);
        assertThat(ids(THERAPY.code(), null, null, "EXPIRED")).containsExactly("g");
    }

    @Test
    void filtersAreExactNotAnalysed() {
        assertThat(ids("31.08", null, null, null)).isEmpty();
        assertThat(ids(null, "7", null, null)).isEmpty();
        assertThat(ids(null, null, "org", null)).isEmpty();
    }

    @Test
    void combinesNameWithFilters() {
        index.upsert(PublicWorkerMother.worker("e2", "Иванова", "Мария", "Петровна"));

        assertThat(index.search(new PublicSearchQuery("иванова", THERAPY.code(), "77", null, "ACTIVE", 0, 10))
                .items()).extracting(PublicWorkerDocument::workerId).containsExactly("e2");
        assertThat(index.search(new PublicSearchQuery("иванова", THERAPY.code(), null, "org-1", null, 0, 10))
                .items()).extracting(PublicWorkerDocument::workerId).containsExactly("e2");
        assertThat(index.search(new PublicSearchQuery("иванова", CARDIOLOGY.code(), null, null, null, 0, 10))
                .total()).isZero();
    }

    private List<String> ids(String specialty, String region, String organization, String status) {
        return index.search(new PublicSearchQuery(null, specialty, region, organization, status, 0, 10))
                .items().stream().map(PublicWorkerDocument::workerId).toList();
    }
}
