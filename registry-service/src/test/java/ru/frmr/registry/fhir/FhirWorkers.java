package ru.frmr.registry.fhir;

import java.time.LocalDate;
import java.util.List;

import ru.frmr.registry.search.PublicWorkerDocument;
import ru.frmr.registry.search.PublicWorkerDocument.Employer;
import ru.frmr.registry.search.PublicWorkerDocument.License;
import ru.frmr.registry.search.PublicWorkerDocument.LicenseKind;
import ru.frmr.registry.search.PublicWorkerDocument.LicenseStatus;
import ru.frmr.registry.search.PublicWorkerDocument.Specialty;

/** Public register documents for the FHIR tests. */
final class FhirWorkers {

    static final Specialty THERAPY = new Specialty("31.08.49", "Терапия");
    static final Specialty CARDIOLOGY = new Specialty("31.08.36", "Кардиология");
    static final Employer HOSPITAL = new Employer("org-1", "ГБУЗ ГКБ № 1");

    /** A therapist with an active accreditation and a cardiology specialty without a license. */
    static final PublicWorkerDocument IVANOVA = new PublicWorkerDocument("w-ivanova", "Иванова", "Мария", "Петровна",
            List.of(THERAPY, CARDIOLOGY),
            List.of(new License(LicenseKind.ACCREDITATION, THERAPY.code(), LicenseStatus.ACTIVE,
                    LocalDate.of(2029, 6, 30))),
            HOSPITAL, "77");

    /** A cardiologist whose only certificate has expired, without a middle name. */
    static final PublicWorkerDocument IVANOV = new PublicWorkerDocument("w-ivanov", "Иванов", "Пётр", null,
            List.of(CARDIOLOGY),
            List.of(new License(LicenseKind.CERTIFICATE, CARDIOLOGY.code(), LicenseStatus.EXPIRED,
                    LocalDate.of(2024, 1, 15))),
            new Employer("org-2", "ООО Клиника"), "50");

    static final PublicWorkerDocument PETROV = new PublicWorkerDocument("w-petrov", "Петров", "Иван", "Ильич",
            List.of(THERAPY),
            List.of(new License(LicenseKind.ACCREDITATION, THERAPY.code(), LicenseStatus.ACTIVE,
                    LocalDate.of(2028, 1, 1))),
            null, "77");

    /** A therapist by education, with no licence yet. */
    static final PublicWorkerDocument IVANNIKOVA = new PublicWorkerDocument("w-ivannikova", "Иванникова", "Анна", null,
            List.of(THERAPY), List.of(), HOSPITAL, "77");

    static final List<PublicWorkerDocument> ALL = List.of(IVANOVA, IVANOV, PETROV, IVANNIKOVA);

    private FhirWorkers() {
    }
}
