package ru.frmr.registry.search;

import java.time.LocalDate;
import java.util.List;

import ru.frmr.registry.search.PublicWorkerDocument.Employer;
import ru.frmr.registry.search.PublicWorkerDocument.License;
import ru.frmr.registry.search.PublicWorkerDocument.LicenseKind;
import ru.frmr.registry.search.PublicWorkerDocument.LicenseStatus;
import ru.frmr.registry.search.PublicWorkerDocument.Specialty;

/** Test workers: a therapist in Moscow unless told otherwise. */
final class PublicWorkerMother {

    static final Specialty THERAPY = new Specialty("31.08.49", "Терапия");
    static final Specialty CARDIOLOGY = new Specialty("31.08.36", "Кардиология");

    private PublicWorkerMother() {
    }

    static PublicWorkerDocument worker(String id, String lastName, String firstName, String middleName) {
        return new PublicWorkerDocument(id, lastName, firstName, middleName,
                List.of(THERAPY),
                List.of(new License(LicenseKind.ACCREDITATION, THERAPY.code(), LicenseStatus.ACTIVE,
                        LocalDate.of(2029, 6, 30))),
                new Employer("org-1", "ГБУЗ ГКБ № 1"),
                "77");
    }

    /** The day {@link #worker(String, Specialty, LicenseStatus, String, String)} licenses are active or expired on. */
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    /** A worker whose one certificate has {@code status} on {@link #TODAY}. */
    static PublicWorkerDocument worker(String id, Specialty specialty, LicenseStatus status, String region, String org) {
        LocalDate end = status == LicenseStatus.ACTIVE ? TODAY.plusMonths(7) : TODAY.minusMonths(5);
        return new PublicWorkerDocument(id, "Работник", "Тест", null,
                List.of(specialty),
                List.of(new License(LicenseKind.CERTIFICATE, specialty.code(), status, end)),
                new Employer(org, "Организация " + org),
                region);
    }
}
