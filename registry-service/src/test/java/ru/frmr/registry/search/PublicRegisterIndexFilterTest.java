package ru.frmr.registry.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.registry.search.PublicWorkerMother.CARDIOLOGY;
import static ru.frmr.registry.search.PublicWorkerMother.THERAPY;
import static ru.frmr.registry.search.PublicWorkerMother.worker;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.frmr.registry.search.PublicWorkerDocument.AccountStatus;
import ru.frmr.registry.search.PublicWorkerDocument.Employer;
import ru.frmr.registry.search.PublicWorkerDocument.License;
import ru.frmr.registry.search.PublicWorkerDocument.LicenseKind;
import ru.frmr.registry.search.PublicWorkerDocument.LicenseStatus;

class PublicRegisterIndexFilterTest {

    private PublicRegisterIndex index;

    @BeforeEach
    void load() {
        index = PublicRegisterIndex.inMemory();
        index.upsert(worker("a", THERAPY, LicenseStatus.ACTIVE, "77", "org-1"));
        index.upsert(worker("b", CARDIOLOGY, LicenseStatus.ACTIVE, "77", "org-2"));
        index.upsert(worker("c", CARDIOLOGY, LicenseStatus.EXPIRED, "78", "org-2"));
        index.upsert(new PublicWorkerDocument("d", "Работник", "Тест", null,
                List.of(THERAPY, CARDIOLOGY),
                List.of(new License(LicenseKind.ACCREDITATION, THERAPY.code(), LicenseStatus.ACTIVE, LocalDate.of(2030, 1, 1)),
                        new License(LicenseKind.CERTIFICATE, CARDIOLOGY.code(), LicenseStatus.EXPIRED, LocalDate.of(2024, 1, 1))),
                new Employer("org-3", "Поликлиника"), "50", AccountStatus.ACTIVE));
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void filtersBySpecialtyCode() {
        assertThat(ids(THERAPY.code(), null, null, null)).containsExactly("a", "d");
        assertThat(ids(CARDIOLOGY.code(), null, null, null)).containsExactly("b", "c", "d");
    }

    @Test
    void filtersByRegionAndOrganization() {
        assertThat(ids(null, "77", null, null)).containsExactly("a", "b");
        assertThat(ids(null, null, "org-2", null)).containsExactly("b", "c");
        assertThat(ids(null, "78", "org-2", null)).containsExactly("c");
    }

    @Test
    void filtersByLicenseStatus() {
        assertThat(ids(null, null, null, "ACTIVE")).containsExactly("a", "b", "d");
        assertThat(ids(null, null, null, "expired")).containsExactly("c", "d");
    }

    @Test
    void statusWithSpecialtyMustHoldForALicenseOfThatSpecialty() {
        assertThat(ids(CARDIOLOGY.code(), null, null, "ACTIVE")).containsExactly("b");
        assertThat(ids(THERAPY.code(), null, null, "EXPIRED")).isEmpty();
    }

    @Test
    void filtersAreExactNotAnalysed() {
        assertThat(ids("31.08", null, null, null)).isEmpty();
        assertThat(ids(null, "7", null, null)).isEmpty();
    }

    @Test
    void combinesNameWithFilters() {
        index.upsert(PublicWorkerMother.worker("e", "Иванова", "Мария", "Петровна"));

        assertThat(index.search(new PublicSearchQuery("иванова", THERAPY.code(), "77", null, "ACTIVE", 0, 10))
                .items()).extracting(PublicWorkerDocument::workerId).containsExactly("e");
        assertThat(index.search(new PublicSearchQuery("иванова", CARDIOLOGY.code(), null, null, null, 0, 10))
                .total()).isZero();
    }

    private List<String> ids(String specialty, String region, String organization, String status) {
        return index.search(new PublicSearchQuery(null, specialty, region, organization, status, 0, 10))
                .items().stream().map(PublicWorkerDocument::workerId).toList();
    }
}
